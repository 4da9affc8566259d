import type { TraceEvent } from "../../kernel/trace.ts";
import { BaseChecker, type InvariantDef } from "../checker.ts";
import { GroupOffsets } from "./groupOffsets.ts";

/**
 * monotonic-offsets: LSO <= HW <= log end on every replica; the HW leaders
 * serve never goes below one served in an earlier or the same leader epoch;
 * a group's committed offset never decreases; a log end shrinks only by
 * truncation above the replica's HW.
 */
class MonotonicOffsets extends BaseChecker {
  /** partition -> served HW per leader epoch. */
  private readonly served = new Map<string, Map<number, number>>();
  private readonly offsets = new GroupOffsets();
  private readonly last = new Map<string, number>();

  onEvent(e: TraceEvent): void {
    if (e.type !== "observe") return;
    const d = e.data ?? {};
    if (e.name === "log.hw") this.hw(e, d);
    else if (e.name === "log.truncate" && Number(d.to) < Number(d.hw)) {
      this.report(e, `${e.node} truncated ${d.partition} to ${d.to}, below its high watermark ${d.hw}`, [e.node ?? ""]);
    }
    for (const c of this.offsets.onEvent(e)) {
      const key = `${c.group}|${c.partition}`;
      const before = this.last.get(key) ?? 0;
      if (c.offset < before) this.report(e, `group ${c.group}'s committed offset for ${c.partition} went back from ${before} to ${c.offset}`, [e.node ?? ""]);
      this.last.set(key, Math.max(before, c.offset));
    }
  }

  private hw(e: TraceEvent, d: Readonly<Record<string, unknown>>): void {
    const [lso, hw, leo] = [Number(d.lso), Number(d.hw), Number(d.leo)];
    if (!(lso <= hw && hw <= leo)) this.report(e, `${e.node} ${d.partition}: expected LSO ${lso} <= HW ${hw} <= log end ${leo}`, [e.node ?? ""]);
    if (d.leader !== true || d.served !== true) return;
    const p = String(d.partition);
    const epoch = Number(d.epoch);
    const byEpoch = this.served.get(p) ?? new Map<number, number>();
    this.served.set(p, byEpoch);
    let floor = -1;
    for (const [ep, v] of byEpoch) if (ep <= epoch) floor = Math.max(floor, v);
    if (hw < floor) this.report(e, `${e.node} served HW ${hw} for ${p} in leader epoch ${epoch}, below ${floor} served before`, [e.node ?? ""]);
    byEpoch.set(epoch, Math.max(byEpoch.get(epoch) ?? -1, hw));
  }
}

export const monotonicOffsets: InvariantDef = {
  name: "monotonic-offsets",
  description: "LSO <= HW <= log end on every replica; served HWs and committed offsets never decrease; logs shrink only above the HW",
  kind: "safety",
  create: () => new MonotonicOffsets(),
};
