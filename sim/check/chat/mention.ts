import type { TraceEvent } from "../../kernel/trace.ts";
import type { Violation } from "../../kernel/types.ts";
import { BaseChecker, type CheckContext, type InvariantDef } from "../checker.ts";

interface Pending {
  readonly mid: string;
  readonly mentioned: readonly string[];
  readonly at: number;
  readonly due: number;
}

/**
 * mention-notified: within mentionMs of a group message's acceptance, each
 * member it @mentions (and who is a recipient) has seen it or has been sent
 * a push since. As with offline-notified, faults may delay anything while
 * they last, so the clock of a message accepted before heal starts at heal.
 * Reads `group.accept {mid, members, mentions}`, `msg.display {mid,
 * recipient}`, `push.sent {user}`.
 */
class MentionNotified extends BaseChecker {
  private readonly pending: Pending[] = [];
  private readonly shown = new Set<string>();
  private readonly lastPush = new Map<string, number>();

  constructor(private readonly ctx: CheckContext) {
    super();
  }

  private get mentionMs(): number {
    return Number(this.ctx.workload.mentionMs ?? 2500);
  }

  private settle(e: TraceEvent, upTo: number): void {
    while (this.pending.length > 0 && this.pending[0].due < upTo) {
      const p = this.pending.shift()!;
      const missed = p.mentioned.filter((r) => !this.shown.has(`${p.mid}@${r}`) && (this.lastPush.get(r) ?? -1) < p.at);
      if (missed.length > 0) this.report(e, `${p.mid} accepted at ${p.at.toFixed(1)} ms mentions ${missed.join(", ")}: not shown and no push by ${p.due.toFixed(1)} ms`, missed.map((r) => r.split(":")[0]));
    }
  }

  onEvent(e: TraceEvent): void {
    this.settle(e, e.t);
    if (e.type !== "observe") return;
    const d = e.data ?? {};
    if (e.name === "group.accept") {
      const members = new Set((d.members as string[] | undefined) ?? []);
      const mentioned = ((d.mentions as string[] | undefined) ?? []).filter((u) => members.has(u));
      if (mentioned.length > 0) this.pending.push({ mid: String(d.mid), mentioned, at: e.t, due: Math.max(e.t, this.ctx.safetyMs) + this.mentionMs });
    } else if (e.name === "msg.display") this.shown.add(`${String(d.mid)}@${String(d.recipient ?? e.node)}`);
    else if (e.name === "push.sent") this.lastPush.set(String(d.user), e.t);
  }

  override finish(last: TraceEvent): Violation[] {
    this.settle(last, Math.min(last.t, this.ctx.endMs));
    return this.violations;
  }
}

export const mentionNotified: InvariantDef = {
  name: "mention-notified",
  description: "within mentionMs of acceptance every @mentioned recipient has seen the group message or been sent a push",
  kind: "liveness",
  create: (ctx) => new MentionNotified(ctx),
};
