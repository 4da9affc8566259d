import type { TraceEvent } from "../../kernel/trace.ts";
import type { Violation } from "../../kernel/types.ts";
import { BaseChecker, type CheckContext, type InvariantDef } from "../checker.ts";

interface Pending {
  readonly mid: string;
  readonly users: readonly string[];
  readonly at: number;
  readonly due: number;
}

/**
 * The two notification invariants share one rule: once a message starts
 * the clock (persisted, or accepted with @mentions), each user it names
 * must, within the window, have shown it (`msg.display {mid, recipient}`)
 * or been sent a push since it started (`push.sent {user}`). Faults may
 * delay anything while they last, so a clock started before heal starts
 * at heal. Only the first start of a message counts: a retried send can be
 * persisted twice and deduplicated later.
 */
abstract class DeadlineChecker extends BaseChecker {
  private readonly pending: Pending[] = [];
  private readonly started = new Set<string>();
  private readonly shown = new Set<string>();
  private readonly lastPush = new Map<string, number>();

  constructor(
    private readonly ctx: CheckContext,
    private readonly windowMs: number,
  ) {
    super();
  }

  /** The users a message names when this event starts its clock, else null. */
  protected abstract start(e: TraceEvent): { readonly mid: string; readonly users: readonly string[] } | null;
  protected abstract explain(p: Pending, missed: readonly string[]): string;

  private settle(e: TraceEvent, upTo: number): void {
    while (this.pending.length > 0 && this.pending[0].due < upTo) {
      const p = this.pending.shift()!;
      const missed = p.users.filter((r) => !this.shown.has(`${p.mid}@${r}`) && (this.lastPush.get(r) ?? -1) < p.at);
      if (missed.length > 0) this.report(e, this.explain(p, missed), missed.map((r) => r.split(":")[0]));
    }
  }

  onEvent(e: TraceEvent): void {
    this.settle(e, e.t);
    if (e.type !== "observe") return;
    const d = e.data ?? {};
    if (e.name === "msg.display") return void this.shown.add(`${String(d.mid)}@${String(d.recipient ?? e.node)}`);
    if (e.name === "push.sent") return void this.lastPush.set(String(d.user), e.t);
    const s = this.start(e);
    if (!s || this.started.has(s.mid)) return;
    this.started.add(s.mid);
    if (s.users.length > 0) this.pending.push({ mid: s.mid, users: s.users, at: e.t, due: Math.max(e.t, this.ctx.safetyMs) + this.windowMs });
  }

  override finish(last: TraceEvent): Violation[] {
    this.settle(last, Math.min(last.t, this.ctx.endMs));
    return this.violations;
  }
}

/** offline-notified: a persisted message (`msg.persist {mid, recipients}`) reaches each recipient's device or a push goes out, within notifyMs. */
class OfflineNotified extends DeadlineChecker {
  constructor(ctx: CheckContext) {
    super(ctx, Number(ctx.workload.notifyMs ?? 1500));
  }

  protected start(e: TraceEvent) {
    if (e.name !== "msg.persist") return null;
    return { mid: String(e.data?.mid), users: (e.data?.recipients as string[] | undefined) ?? [] };
  }

  protected explain(p: Pending, missed: readonly string[]): string {
    return `${p.mid} persisted at ${p.at.toFixed(1)} ms: no device ack and no push to ${missed.join(", ")} by ${p.due.toFixed(1)} ms`;
  }
}

/** mention-notified: each @mentioned recipient of a group message (`group.accept {mid, members, mentions}`) sees it or gets a push, within mentionMs. */
class MentionNotified extends DeadlineChecker {
  constructor(ctx: CheckContext) {
    super(ctx, Number(ctx.workload.mentionMs ?? 2500));
  }

  protected start(e: TraceEvent) {
    if (e.name !== "group.accept") return null;
    const members = new Set((e.data?.members as string[] | undefined) ?? []);
    return { mid: String(e.data?.mid), users: ((e.data?.mentions as string[] | undefined) ?? []).filter((u) => members.has(u)) };
  }

  protected explain(p: Pending, missed: readonly string[]): string {
    return `${p.mid} accepted at ${p.at.toFixed(1)} ms mentions ${missed.join(", ")}: not shown and no push by ${p.due.toFixed(1)} ms`;
  }
}

export const offlineNotified: InvariantDef = {
  name: "offline-notified",
  description: "within notifyMs of being persisted a message is acknowledged by a recipient's device or a push was sent",
  kind: "liveness",
  create: (ctx) => new OfflineNotified(ctx),
};

export const mentionNotified: InvariantDef = {
  name: "mention-notified",
  description: "within mentionMs of acceptance every @mentioned recipient has seen the group message or been sent a push",
  kind: "liveness",
  create: (ctx) => new MentionNotified(ctx),
};
