import { CATALOG, findBuiltin } from "../scenario/catalog.ts";
import { formatUrl, parseUrl } from "../url/params.ts";
import type { Controller } from "./controller.ts";
import type { AppState } from "./state.ts";

/** The link that reproduces what is on screen (null for a diagram the user opened: a link cannot carry it). */
export function shareableSearch(s: AppState): string | null {
  const sc = s.scenario;
  if (!sc || sc.source.kind !== "builtin") return null;
  const own = JSON.stringify(sc.defaultFaults) === JSON.stringify(s.faults);
  return formatUrl({ scenario: sc.source.name, seed: s.seed, variant: s.variant, faults: own ? null : s.faults, messages: s.messages, t: s.cursor });
}

/** Keeps the address bar in step with the state (replaceState, debounced). */
export function installUrlSync(c: Controller): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = "";
  const write = () => {
    timer = undefined;
    const search = shareableSearch(c.state);
    if (search === null || search === last || c.state.busy) return;
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
  await c.load({ kind: "builtin", name }, { seed: req.seed, variant: req.variant, faults: req.faults, messages: req.messages, t: req.t, from: "url" });
}
