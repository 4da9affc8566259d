import type { Checker } from "../../sim/check/checker.ts";
import type { TraceEvent } from "../../sim/kernel/trace.ts";
import type { Violation } from "../../sim/kernel/types.ts";

/** Builds observation events for hand-made traces: [t, node, name, data]. */
export function traceOf(rows: readonly [number, string, string, Record<string, unknown>][]): TraceEvent[] {
  return rows.map(([t, node, name, data], i) => ({ i, t, type: "observe", node, name, data }));
}

/** Feeds a trace to a checker and returns every violation, end-of-run ones included. */
export function check(checker: Checker, trace: readonly TraceEvent[]): Violation[] {
  for (const e of trace) checker.onEvent(e);
  const last = trace[trace.length - 1];
  checker.finish(last);
  return checker.violations;
}

export const CTX = { topology: { title: "", nodes: [], edges: [], box: { x: 0, y: 0, width: 0, height: 0 } }, workload: { notifyMs: 500 }, safetyMs: 1000, endMs: 3000 };
