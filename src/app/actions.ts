import { generateFaults, parseFaultSchedule, type FaultEntry, type FaultSchedule, type Violation } from "../../sim/api.ts";
import { edgeFaults, nodeFault, type EdgeAction, type NodeAction } from "../faults/clickFaults.ts";
import type { Controller } from "./controller.ts";
import type { SideTab, Target } from "./state.ts";

/** Commands the UI's menus and tabs issue; each a few lines over the controller. */

export function openMenu(c: Controller, x: number, y: number, target: Target): void {
  c.pause();
  c.store.set({ menu: { x, y, target }, hint: false });
}

export function closeMenu(c: Controller): void {
  if (c.state.menu) c.store.set({ menu: null });
}

/** The current moment, rounded to the millisecond: when a clicked fault takes effect. */
export function faultTime(c: Controller): number {
  return Math.round(c.state.clock);
}

export function selectNode(c: Controller, id: string | null): void {
  c.store.set({ selected: id, sideTab: id ? "inspector" : c.state.sideTab, menu: null });
  c.refresh();
}

export function setSideTab(c: Controller, tab: SideTab): void {
  c.store.set({ sideTab: tab });
  if (tab === "inspector" || tab === "events") c.refresh();
}

export function applyNodeAction(c: Controller, action: NodeAction, node: string): void {
  const at = faultTime(c);
  const entry = nodeFault(action, node, at);
  c.store.set({ menu: null, selected: node });
  if (!entry) return selectNode(c, node);
  addFaults(c, [entry], at);
}

export function applyEdgeAction(c: Controller, action: EdgeAction, edgeId: string): void {
  const edge = c.state.scenario?.compiled.topology.edges.find((e) => e.id === edgeId);
  c.store.set({ menu: null });
  if (!edge) return;
  const at = faultTime(c);
  addFaults(c, edgeFaults(action, edge, at), at);
}

/** Appends entries to the schedule and forks the run at the current moment. */
export function addFaults(c: Controller, entries: FaultEntry[], at: number): void {
  c.setFaults([...c.state.faults, ...entries], at);
}

/**
 * Adds a draw of the scenario's fault generator to the schedule (undoable).
 * The first draw on an empty schedule is the one `msgsim run --generate`
 * makes for this seed; later draws take other seeds, so each adds new faults.
 */
export function randomFaults(c: Controller): void {
  const { scenario: sc, faults, seed } = c.state;
  if (!sc) return;
  const drawn = generateFaults(sc.compiled.file.generator, sc.compiled.topology, faults.length === 0 ? seed : seed + faults.length * 1_000_003);
  if (drawn.length === 0) return c.say("The generator drew no faults for this seed.");
  c.setFaults([...faults, ...drawn]);
}

/** Replaces the schedule with the scenario's own (undoable): what picking the scenario from the menu runs. */
export function applyScenarioFaults(c: Controller): void {
  const sc = c.state.scenario;
  if (sc) c.setFaults(sc.defaultFaults);
}

/**
 * Checks one edited entry: the schedule contract plus known node ids.
 * Returns the entry or a message saying where and why it is wrong.
 */
export function checkEntry(c: Controller, value: unknown, index: number): { entry: FaultEntry } | { error: string } {
  const where = `faults[${index}]`;
  let entry: FaultEntry;
  try {
    entry = parseFaultSchedule([value], where)[0];
  } catch (err) {
    const e = err as { path?: string; reason?: string; message: string };
    const path = (e.path ?? "").replace(/^\[0\]\.?/, "");
    return { error: `${where}${path ? "." + path : ""}: ${e.reason ?? e.message}` };
  }
  const ids = new Set(c.state.scenario?.compiled.topology.nodes.map((n) => n.id) ?? []);
  const named: [string, string][] = [];
  if ("node" in entry) named.push(["node", entry.node]);
  if ("from" in entry) named.push(["from", entry.from], ["to", entry.to]);
  if (entry.after?.node) named.push(["after.node", entry.after.node]);
  if (entry.kind === "partition") entry.groups.flat().forEach((id) => named.push(["groups", id]));
  for (const [field, id] of named) {
    if (id !== "*" && !ids.has(id)) return { error: `${where}.${field}: unknown node "${id}" (nodes: ${[...ids].join(", ")})` };
  }
  return { entry };
}

export function replaceFault(c: Controller, index: number, entry: FaultEntry): void {
  const next: FaultSchedule = c.state.faults.map((f, i) => (i === index ? entry : f));
  c.setFaults(next);
}

export function deleteFault(c: Controller, index: number): void {
  c.setFaults(c.state.faults.filter((_, i) => i !== index));
}

/** Seeks to the event that broke an invariant and marks what it involved. */
export function jumpToViolation(c: Controller, v: Violation): void {
  c.store.set({ highlight: { nodes: v.nodes, msgs: v.msgs ?? [] }, menu: null });
  c.seek(v.event);
}

export function clearHighlight(c: Controller): void {
  c.store.set({ highlight: null });
}
