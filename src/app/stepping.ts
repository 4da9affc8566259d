import type { Marker, MarkerKind } from "../../sim/api.ts";
import type { Controller } from "./controller.ts";
import type { StepUnit } from "./state.ts";

/** The units the step buttons and keys move by; `key` steps forward, Shift+`key` back. */
export const STEP_UNITS: readonly { unit: StepUnit; label: string; key: string; hint: string }[] = [
  { unit: "event", label: "event", key: "e", hint: "one trace event (a send, a delivery, a timer's effect...)" },
  { unit: "delivery", label: "delivery", key: "d", hint: "the next message delivered anywhere" },
  { unit: "node", label: "at node", key: "n", hint: "the next event at the selected node (click a node first)" },
  { unit: "fault", label: "fault", key: "f", hint: "the next fault, heal or restart on the timeline" },
  { unit: "violation", label: "violation", key: "v", hint: "the next event that broke an invariant" },
];

const FAULT_KINDS: readonly MarkerKind[] = ["fault", "heal", "restart"];

/** The first marker of those kinds after (dir 1) or before (dir -1) event `from`. */
function nextMarker(markers: readonly Marker[], from: number, dir: 1 | -1, kinds: readonly MarkerKind[]): Marker | undefined {
  const ok = markers.filter((m) => kinds.includes(m.kind) && (dir > 0 ? m.event > from : m.event < from));
  return dir > 0 ? ok[0] : ok[ok.length - 1];
}

const NONE: Record<StepUnit, string> = {
  event: "the run",
  delivery: "delivery",
  node: "event at this node",
  fault: "fault, heal or restart",
  violation: "violation",
};

/** Moves one unit forward or back; says so when there is nothing further that way. */
export async function stepBy(c: Controller, unit: StepUnit, dir: 1 | -1): Promise<void> {
  const s = c.state;
  if (s.stepUnit !== unit) c.store.set({ stepUnit: unit });
  if (!s.run) return;
  const way = dir > 0 ? "later" : "earlier";
  if (unit === "event") return c.step(dir);
  if (unit === "fault" || unit === "violation") {
    const m = nextMarker(s.run.markers, s.cursor, dir, unit === "fault" ? FAULT_KINDS : ["violation"]);
    if (!m) return c.say(`No ${way} ${NONE[unit]} in this run.`);
    c.store.set({ highlight: m.nodes.length > 0 ? { nodes: m.nodes, msgs: [] } : null });
    return c.seek(m.event);
  }
  if (unit === "node" && !s.selected) return c.say("Click a node on the diagram (or pick one in the Inspector) to step through its events.");
  c.pause();
  const index = await c.find(dir, unit === "node" ? { kind: "node", node: s.selected! } : { kind: "deliver" });
  if (index === null) return c.say(`No ${way} ${NONE[unit]}${unit === "node" ? ` (${s.selected})` : ""} in this run.`);
  c.seek(index);
}
