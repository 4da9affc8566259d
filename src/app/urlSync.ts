import { CATALOG, findBuiltin } from "../scenario/catalog.ts";
import { formatUrl, parseUrl } from "../url/params.ts";
import type { Controller } from "./controller.ts";
import type { AppState } from "./state.ts";

/** The link that reproduces what is on screen (null for a diagram the user opened: a link cannot carry it). */
export function shareableSearch(s: AppState): string | null {
  const sc = s.scenario;
  if (!sc || sc.source.kind !== "builtin") return null;
  return formatUrl({ scenario: sc.source.name, seed: s.seed, variant: s.variant, faults: s.faults, messages: s.messages, t: s.cursor });
}

/** Keeps the address bar in step with the state (replaceState, debounced). */
export function installUrlSync(c: Controller): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = "";
  const write = () => {
    timer = undefined;
    if (c.state.busy || !c.state.scenario) return;
    // A diagram opened from disk: no `scenario` in the address, so a reload does not open the demo instead.
    const search = shareableSearch(c.state) ?? "";
    if (search === last) return;
    last = search;
    history.replaceState(null, "", `${location.pathname}${search}${location.hash}`);
  };
  const unsubscribe = c.store.subscribe(() => {
    if (timer === undefined) timer = setTimeout(write, c.state.playing ? 500 : 150);
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** Opens what the URL asks for; bad parameters become banners and fall back to defaults. */
export async function startFromUrl(c: Controller, search: string): Promise<void> {
  const req = parseUrl(search);
  for (const p of req.problems) c.report(p);
  let name = CATALOG[0]?.name;
  if (req.scenario !== undefined) {
    if (findBuiltin(req.scenario)) name = req.scenario;
    else c.report({ where: "URL parameter scenario", message: `no built-in scenario "${req.scenario}" (scenarios: ${CATALOG.map((e) => e.name).join(", ")}); opening "${name}"` });
  }
  if (!name) {
    c.report({ where: "scenarios/", message: "the app was built without any scenario file" });
    return;
  }
  // Links made before the URL always carried `faults` ran with an empty schedule: keep them reproducible.
  const olderLink = req.faults === undefined && !req.badFaults && (req.seed !== undefined || req.t !== undefined);
  const faults = olderLink ? [] : req.faults;
  await c.load({ kind: "builtin", name }, { seed: req.seed, variant: req.variant, faults, messages: req.messages, t: req.t, at: req.at, from: "url" });
  const own = c.state.scenario?.defaultFaults ?? [];
  if (olderLink && own.length > 0) {
    c.report(
      { where: "URL parameter faults", message: `this link has no faults parameter, so it opens as it was made: with no faults. The scenario has its own schedule (${own.length} ${own.length === 1 ? "entry" : "entries"}).` },
      undefined,
      "use-scenario-faults",
    );
  }
}
