import type { TraceEvent } from "../../kernel/trace.ts";

/**
 * The log as an outside observer reconstructs it from the trace: each
 * leader's appends (`log.append`), cut back at every new leadership to the
 * new leader's log end (`log.leader`); appends of a deposed leader (an older
 * epoch) never reach the authoritative log. Plus the highest HW and LSO
 * leaders served. Checkers build one each and read it at the end.
 */
export interface ViewEntry {
  readonly id: string;
  readonly src: string | null;
  readonly pid: number;
  readonly pepoch: number;
  readonly seq: number;
  readonly txn: boolean;
  readonly control?: "COMMIT" | "ABORT";
  /** The trace event that appended it. */
  readonly ev: TraceEvent;
}

export type Outcome = "plain" | "committed" | "aborted" | "open" | "control";

interface PartitionView {
  entries: ViewEntry[];
  epoch: number;
  hw: number;
  lso: number;
}

export class LogView {
  readonly parts = new Map<string, PartitionView>();

  part(p: string): PartitionView {
    let v = this.parts.get(p);
    if (!v) this.parts.set(p, (v = { entries: [], epoch: -1, hw: 0, lso: 0 }));
    return v;
  }

  /** Feeds one trace event; true if it changed the view. */
  onEvent(e: TraceEvent): boolean {
    if (e.type !== "observe") return false;
    const d = e.data ?? {};
    const p = String(d.partition);
    if (e.name === "log.leader") {
      const v = this.part(p);
      if (Number(d.epoch) < v.epoch) return false;
      v.epoch = Number(d.epoch);
      // Below its HW the new leader holds what was committed; above it, exactly its tail.
      const hw = Number(d.hw ?? d.leo);
      const tail = (d.tail as Omit<ViewEntry, "ev">[] | undefined) ?? [];
      if (v.entries.length > hw) v.entries.length = hw;
      tail.forEach((x, i) => (v.entries[hw + i] = { ...x, ev: e }));
      if (v.entries.length > Number(d.leo)) v.entries.length = Number(d.leo);
      return true;
    }
    if (e.name === "log.append") {
      const v = this.part(p);
      if (Number(d.epoch) < v.epoch) return false;
      const offset = Number(d.offset);
      if (v.entries.length > offset) v.entries.length = offset;
      const ids = d.ids as string[];
      const srcs = (d.srcs as (string | null)[] | undefined) ?? [];
      ids.forEach((id, i) => {
        const control = d.control as ViewEntry["control"];
        v.entries[offset + i] = { id, src: srcs[i] ?? null, pid: Number(d.pid), pepoch: Number(d.pepoch), seq: control ? -1 : Number(d.seq) + i, txn: d.txn === true, ...(control ? { control } : {}), ev: e };
      });
      return true;
    }
    if (e.name === "log.hw" && d.leader === true && d.served === true) {
      const v = this.part(p);
      v.hw = Math.max(v.hw, Number(d.hw));
      v.lso = Math.max(v.lso, Number(d.lso));
    }
    return false;
  }

  /** The committed prefix of a partition: entries below the highest served HW. */
  committed(p: string): ViewEntry[] {
    const v = this.part(p);
    return v.entries.slice(0, v.hw);
  }

  /** Each entry's transactional fate, from the markers that follow it (Kafka's aborted-transaction index). */
  outcomes(p: string): Outcome[] {
    const entries = this.part(p).entries;
    const out: Outcome[] = [];
    const open = new Map<number, number[]>();
    entries.forEach((e, i) => {
      if (e.control) {
        out[i] = "control";
        for (const j of open.get(e.pid) ?? []) out[j] = e.control === "COMMIT" ? "committed" : "aborted";
        open.delete(e.pid);
      } else if (e.txn) {
        out[i] = "open";
        open.set(e.pid, [...(open.get(e.pid) ?? []), i]);
      } else out[i] = "plain";
    });
    return out;
  }
}

export const isVisible = (o: Outcome | undefined) => o === "plain" || o === "committed";
export const topicOfPartition = (p: string) => p.slice(0, p.lastIndexOf("-"));
