import type { TraceEvent } from "../../kernel/trace.ts";

/**
 * Each group's committed offsets as `__consumer_offsets` records them:
 * plain commits apply at once, transactional ones when their COMMIT marker
 * is durable (`group.txn-marker`). Records are seen once each (a new
 * leader may report a committed record again).
 */
export class GroupOffsets {
  readonly committed = new Map<string, Map<string, { offset: number; ev: TraceEvent }>>();
  private readonly pending = new Map<string, Record<string, number>>();
  private readonly seen = new Set<string>();

  /** Feeds an event; returns the offsets it committed (group, partition, offset), if any. */
  onEvent(e: TraceEvent): { group: string; partition: string; offset: number }[] {
    if (e.type !== "observe" || (e.name !== "group.commit" && e.name !== "group.txn-marker")) return [];
    const d = e.data!;
    const key = `${d.partition}@${d.offset}`;
    if (this.seen.has(key)) return [];
    this.seen.add(key);
    const group = String(d.group);
    if (e.name === "group.commit") {
      const offsets = d.offsets as Record<string, number>;
      if (d.pid === undefined) return this.apply(group, offsets, e);
      const k = `${group}|${d.pid}`;
      this.pending.set(k, { ...(this.pending.get(k) ?? {}), ...offsets });
      return [];
    }
    const k = `${group}|${d.pid}`;
    const offsets = this.pending.get(k);
    this.pending.delete(k);
    return offsets && d.result === "COMMIT" ? this.apply(group, offsets, e) : [];
  }

  private apply(group: string, offsets: Record<string, number>, ev: TraceEvent) {
    const g = this.committed.get(group) ?? new Map();
    this.committed.set(group, g);
    return Object.entries(offsets).map(([partition, offset]) => {
      g.set(partition, { offset, ev });
      return { group, partition, offset };
    });
  }
}
