import type { Controller } from "../app/controller.ts";
import { shareableSearch } from "../app/urlSync.ts";

/** Copies the link that reproduces this run at this moment; says so (or shows it) in a notice. */
export async function copyLink(c: Controller): Promise<void> {
  const search = shareableSearch(c.state);
  if (search === null) {
    c.store.set({ notice: "A link cannot carry a diagram you opened from your disk: share the file, the seed and the faults instead." });
    return;
  }
  const url = `${location.origin}${location.pathname}${search}`;
  history.replaceState(null, "", url);
  try {
    await navigator.clipboard.writeText(url);
    c.store.set({ notice: "Link copied: it reopens this run at this moment." });
  } catch {
    c.store.set({ notice: `Copy this link: ${url}` });
  }
}
