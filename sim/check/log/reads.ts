import type { TraceEvent } from "../../kernel/trace.ts";
import type { Violation } from "../../kernel/types.ts";
import { BaseChecker, type InvariantDef } from "../checker.ts";
import { LogView } from "./logView.ts";

const committedRead = (e: TraceEvent) => e.type === "observe" && e.name === "log.read" && e.data?.isolation === "read_committed";

/** no-aborted-read: a read_committed consumer never gets a record of an aborted transaction. */
class NoAbortedRead extends BaseChecker {
  private readonly view = new LogView();
  private readonly reads: TraceEvent[] = [];

  onEvent(e: TraceEvent): void {
    this.view.onEvent(e);
    if (committedRead(e)) this.reads.push(e);
  }

  override finish(_last: TraceEvent): Violation[] {
    const outcomes = new Map<string, ReturnType<LogView["outcomes"]>>();
    for (const r of this.reads) {
      const p = String(r.data!.partition);
      if (!outcomes.has(p)) outcomes.set(p, this.view.outcomes(p));
      const o = Number(r.data!.offset);
      const entry = this.view.part(p).entries[o];
      if (entry?.id === r.data!.id && outcomes.get(p)![o] === "aborted") {
        this.report(r, `${r.node} (read_committed, group ${r.data!.group}) read aborted record ${entry.id} at ${p}@${o}`, [r.node ?? ""]);
      }
    }
    return this.violations;
  }
}

/** no-precommitted-read: a read_committed consumer never gets a record at or past the last stable offset. */
class NoPrecommittedRead extends BaseChecker {
  private readonly view = new LogView();

  onEvent(e: TraceEvent): void {
    this.view.onEvent(e);
    if (!committedRead(e)) return;
    const p = String(e.data!.partition);
    const lso = this.view.part(p).lso;
    const o = Number(e.data!.offset);
    if (o >= lso) this.report(e, `${e.node} (read_committed) read ${p}@${o} at or past the last stable offset ${lso}`, [e.node ?? ""]);
  }
}

export const noAbortedRead: InvariantDef = {
  name: "no-aborted-read",
  description: "read_committed never returns a record of an aborted transaction",
  kind: "safety",
  create: () => new NoAbortedRead(),
};

export const noPrecommittedRead: InvariantDef = {
  name: "no-precommitted-read",
  description: "read_committed never returns a record at or past the last stable offset",
  kind: "safety",
  create: () => new NoPrecommittedRead(),
};
