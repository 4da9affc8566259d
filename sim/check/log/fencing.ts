import type { TraceEvent } from "../../kernel/trace.ts";
import { BaseChecker, type InvariantDef } from "../checker.ts";

/**
 * fenced-zombies: once a newer epoch or generation is durable where a
 * request lands, nothing carrying an older one is accepted there:
 * - a partition that appended a marker at producer epoch E (or from
 *   coordinator epoch C) accepts no later write below E (marker below C);
 * - a group whose generation G is durable accepts no commit from below G.
 */
class FencedZombies extends BaseChecker {
  private readonly producerEpoch = new Map<string, number>();
  private readonly coordEpoch = new Map<string, number>();
  private readonly generation = new Map<string, number>();
  private readonly seen = new Set<string>();
  private readonly leaderEpoch = new Map<string, number>();

  onEvent(e: TraceEvent): void {
    if (e.type !== "observe") return;
    const d = e.data ?? {};
    if (e.name === "log.leader") this.leaderEpoch.set(String(d.partition), Math.max(this.leaderEpoch.get(String(d.partition)) ?? -1, Number(d.epoch)));
    else if (e.name === "log.append") this.append(e, d);
    else if (e.name === "group.generation" || e.name === "group.commit" || e.name === "group.txn-marker") this.group(e, d);
  }

  private append(e: TraceEvent, d: Readonly<Record<string, unknown>>): void {
    const p = String(d.partition);
    if (Number(d.epoch) < (this.leaderEpoch.get(p) ?? -1) || Number(d.pid) < 0) return; // a deposed leader's append never counts
    const key = `${p}|${d.pid}`;
    const fenced = this.producerEpoch.get(key) ?? -1;
    if (d.control) {
      const c = this.coordEpoch.get(key) ?? -1;
      if (Number(d.coordEpoch ?? c) < c) this.report(e, `${e.node} wrote a ${d.control} marker for producer ${d.pid} on ${p} from coordinator epoch ${d.coordEpoch} after epoch ${c}`, [e.node ?? ""]);
      this.coordEpoch.set(key, Math.max(c, Number(d.coordEpoch ?? -1)));
      this.producerEpoch.set(key, Math.max(fenced, Number(d.pepoch)));
    } else if (Number(d.pepoch) < fenced) {
      this.report(e, `${e.node} accepted a write from producer ${d.pid} at epoch ${d.pepoch} on ${p} after a marker fenced epochs below ${fenced}`, [e.node ?? ""]);
    }
  }

  private group(e: TraceEvent, d: Readonly<Record<string, unknown>>): void {
    const key = `${d.partition}@${d.offset}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const g = String(d.group);
    const current = this.generation.get(g) ?? -1;
    if (e.name === "group.generation") this.generation.set(g, Math.max(current, Number(d.generation)));
    else if (e.name === "group.commit" && Number(d.generation) < current) {
      this.report(e, `group ${g} accepted a ${d.pid !== undefined ? "transactional " : ""}commit from member ${d.member} of generation ${d.generation} after generation ${current} was durable`, [e.node ?? ""]);
    }
  }
}

export const fencedZombies: InvariantDef = {
  name: "fenced-zombies",
  description: "once a newer producer epoch, coordinator epoch or group generation is durable, nothing carrying an older one is accepted",
  kind: "safety",
  create: () => new FencedZombies(),
};
