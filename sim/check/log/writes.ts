import type { TraceEvent } from "../../kernel/trace.ts";
import type { Violation } from "../../kernel/types.ts";
import { BaseChecker, type CheckContext, type InvariantDef } from "../checker.ts";
import { LogView } from "./logView.ts";

/** Transactions the coordinator durably decided to commit, by the records' (pid, epoch): v2 bumps the epoch at the decision. */
export function committedDecision(e: TraceEvent, into: Set<string>): void {
  if (e.type === "observe" && e.name === "txn.state" && e.data?.to === "PrepareCommit") into.add(`${e.data.pid}:${Number(e.data.epoch) - 1}`);
}

interface Ack {
  readonly partition: string;
  readonly offset: number;
  readonly id: string;
  readonly txnKey: string | null;
  readonly ev: TraceEvent;
}

/** no-lost-write: a record acked with acks=all (plain, or of a committed transaction) is in the log at its offset, below the HW, after heal. */
class NoLostWrite extends BaseChecker {
  private readonly view = new LogView();
  private readonly acks: Ack[] = [];
  private readonly commits = new Set<string>();

  onEvent(e: TraceEvent): void {
    this.view.onEvent(e);
    committedDecision(e, this.commits);
    if (e.type !== "observe" || e.name !== "log.ack") return;
    const d = e.data!;
    (d.ids as string[]).forEach((id, i) => {
      this.acks.push({ partition: String(d.partition), offset: Number(d.offset) + i, id, txnKey: d.txn ? `${d.pid}:${d.pepoch}` : null, ev: e });
    });
  }

  override finish(_last: TraceEvent): Violation[] {
    for (const a of this.acks) {
      if (a.txnKey && !this.commits.has(a.txnKey)) continue;
      const log = this.view.committed(a.partition);
      const at = log[a.offset];
      if (at?.id === a.id) continue;
      const what = at ? `holds ${at.id}` : `is not committed (HW ${log.length})`;
      this.report(a.ev, `acknowledged record ${a.id} at ${a.partition}@${a.offset} was lost: the offset ${what}`, [a.ev.node ?? ""]);
    }
    return this.violations;
  }
}

/** no-duplicate: no (producer id, epoch, sequence) twice in a partition's committed log. */
class NoDuplicate extends BaseChecker {
  private readonly view = new LogView();

  onEvent(e: TraceEvent): void {
    this.view.onEvent(e);
  }

  override finish(_last: TraceEvent): Violation[] {
    for (const p of this.view.parts.keys()) {
      const seen = new Map<string, number>();
      this.view.committed(p).forEach((x, o) => {
        if (x.pid < 0 || x.control) return;
        const key = `${x.pid}:${x.pepoch}:${x.seq}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, o);
        else this.report(x.ev, `${p}: producer ${x.pid} epoch ${x.pepoch} sequence ${x.seq} appended twice (offsets ${first} and ${o}, record ${x.id})`, [x.ev.node ?? ""]);
      });
    }
    return this.violations;
  }
}

export const noLostWrite: InvariantDef = {
  name: "no-lost-write",
  description: "every record acknowledged with acks=all, non-transactional or in a committed transaction, is readable at its offset after heal",
  kind: "liveness",
  create: (_ctx: CheckContext) => new NoLostWrite(),
};

export const noDuplicate: InvariantDef = {
  name: "no-duplicate",
  description: "no (producer id, epoch, sequence) is appended twice to a partition's log",
  kind: "safety",
  create: () => new NoDuplicate(),
};
