import type { TraceEvent } from "../../kernel/trace.ts";
import type { Violation } from "../../kernel/types.ts";
import { BaseChecker, judgedUntil, type InvariantDef } from "../checker.ts";
import { GroupOffsets } from "./groupOffsets.ts";
import { isVisible, LogView, topicOfPartition } from "./logView.ts";

/** Offsets each group processed (`log.process`), per partition. */
function processed(e: TraceEvent, into: Map<string, Set<string>>): void {
  if (e.type !== "observe" || e.name !== "log.process") return;
  const g = String(e.data!.group);
  if (!into.has(g)) into.set(g, new Set());
  into.get(g)!.add(`${e.data!.partition}@${e.data!.offset}`);
}

/** no-poll-skip: every offset below a group's final committed offset was processed by a member (markers and aborted records excepted). */
class NoPollSkip extends BaseChecker {
  private readonly view = new LogView();
  private readonly offsets = new GroupOffsets();
  private readonly done = new Map<string, Set<string>>();

  onEvent(e: TraceEvent): void {
    this.view.onEvent(e);
    this.offsets.onEvent(e);
    processed(e, this.done);
  }

  override finish(_last: TraceEvent): Violation[] {
    for (const [group, parts] of this.offsets.committed) {
      const seen = this.done.get(group) ?? new Set();
      for (const [p, c] of parts) {
        const outcomes = this.view.outcomes(p);
        const skipped: number[] = [];
        for (let o = 0; o < c.offset; o++) if (!seen.has(`${p}@${o}`) && outcomes[o] !== "control" && outcomes[o] !== "aborted") skipped.push(o);
        if (skipped.length) this.report(c.ev, `group ${group} committed ${p} up to ${c.offset} but never processed offsets ${skipped.slice(0, 8).join(", ")}${skipped.length > 8 ? "…" : ""}`, [c.ev.node ?? ""]);
      }
    }
    return this.violations;
  }
}

/** all-consumed: after heal, every committed record of a subscribed topic was processed by each subscribing group. */
class AllConsumed extends BaseChecker {
  private readonly view = new LogView();

  constructor(private readonly by: number) {
    super();
  }

  private readonly done = new Map<string, Set<string>>();
  private readonly subs = new Map<string, string>();

  onEvent(e: TraceEvent): void {
    this.view.onEvent(e);
    processed(e, this.done);
    if (e.type === "observe" && e.name === "group.subscribe") this.subs.set(String(e.data!.group), String(e.data!.topic));
  }

  override finish(last: TraceEvent): Violation[] {
    for (const [group, topic] of this.subs) {
      const seen = this.done.get(group) ?? new Set();
      for (const p of [...this.view.parts.keys()].filter((x) => topicOfPartition(x) === topic).sort()) {
        const outcomes = this.view.outcomes(p);
        const log = this.view.committed(p);
        const missing = log.map((x, o) => (isVisible(outcomes[o]) && !seen.has(`${p}@${o}`) && x.ev.t <= this.by ? o : -1)).filter((o) => o >= 0);
        if (missing.length) this.report(last, `group ${group} never consumed ${missing.length} committed record(s) of ${p}: offsets ${missing.slice(0, 8).join(", ")}${missing.length > 8 ? "…" : ""} (HW ${log.length})`, [...new Set(missing.map((o) => log[o].ev.node ?? ""))]);
      }
    }
    return this.violations;
  }
}

export const noPollSkip: InvariantDef = {
  name: "no-poll-skip",
  description: "every offset below a group's final committed offset was processed by some member",
  kind: "safety",
  create: () => new NoPollSkip(),
};

export const allConsumed: InvariantDef = {
  name: "all-consumed",
  description: "after heal, every committed record (appended before the second half of the heal phase) is consumed by each group subscribed to its topic",
  kind: "liveness",
  create: (ctx) => new AllConsumed(judgedUntil(ctx)),
};
