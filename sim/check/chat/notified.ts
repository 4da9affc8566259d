import type { TraceEvent } from "../../kernel/trace.ts";
import type { Violation } from "../../kernel/types.ts";
import { BaseChecker, type CheckContext, type InvariantDef } from "../checker.ts";

interface Pending {
  readonly mid: string;
  readonly recipients: readonly string[];
  readonly persistedAt: number;
  readonly due: number;
}

/**
 * offline-notified: within notifyMs of being persisted, a message is shown
 * on a recipient's device (which acknowledges it) or a push has gone to that
 * recipient since the persist. Faults may delay anything while they last, so
 * the clock of a message persisted before heal starts at heal.
 * Reads `msg.persist {mid, recipients}`, `msg.display {mid, recipient}`,
 * `push.sent {user}`.
 */
class OfflineNotified extends BaseChecker {
  private readonly pending: Pending[] = [];
  private readonly shown = new Set<string>();
  private readonly lastPush = new Map<string, number>();

  constructor(private readonly ctx: CheckContext) {
    super();
  }

  private get notifyMs(): number {
    return Number(this.ctx.workload.notifyMs ?? 1500);
  }

  private settle(e: TraceEvent, upTo: number): void {
    while (this.pending.length > 0 && this.pending[0].due < upTo) {
      const p = this.pending.shift()!;
      const missed = p.recipients.filter((r) => !this.shown.has(`${p.mid}@${r}`) && (this.lastPush.get(r) ?? -1) < p.persistedAt);
      if (missed.length > 0) this.report(e, `${p.mid} persisted at ${p.persistedAt.toFixed(1)} ms: no device ack and no push to ${missed.join(", ")} by ${p.due.toFixed(1)} ms`, missed.map((r) => r.split(":")[0]));
    }
  }

  onEvent(e: TraceEvent): void {
    this.settle(e, e.t);
    if (e.type !== "observe") return;
    if (e.name === "msg.persist") {
      const recipients = (e.data?.recipients as string[] | undefined) ?? [];
      this.pending.push({ mid: String(e.data?.mid), recipients, persistedAt: e.t, due: Math.max(e.t, this.ctx.safetyMs) + this.notifyMs });
    } else if (e.name === "msg.display") this.shown.add(`${String(e.data?.mid)}@${String(e.data?.recipient ?? e.node)}`);
    else if (e.name === "push.sent") this.lastPush.set(String(e.data?.user), e.t);
  }

  override finish(last: TraceEvent): Violation[] {
    this.settle(last, Math.min(last.t, this.ctx.endMs));
    return this.violations;
  }
}

export const offlineNotified: InvariantDef = {
  name: "offline-notified",
  description: "within notifyMs of being persisted a message is acknowledged by a recipient's device or a push was sent",
  kind: "liveness",
  create: (ctx) => new OfflineNotified(ctx),
};
