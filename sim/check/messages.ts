import type { TraceEvent } from "../kernel/trace.ts";
import type { Violation } from "../kernel/types.ts";
import { BaseChecker, judgedUntil, type CheckContext, type InvariantDef } from "./checker.ts";

/**
 * Message-level invariants shared by the chat-like models. They read three
 * observations: `msg.accepted {mid, recipients}` (the system now owns the
 * message), `msg.display {mid, recipient?}` (a client shows it; recipient
 * defaults to the node) and nothing else.
 */
function recipientOf(e: TraceEvent): string {
  return String(e.data?.recipient ?? e.node);
}

/** no-lost-message judges the messages accepted before the second half of the heal phase (`judgedUntil`). */
class NoLostMessage extends BaseChecker {
  private readonly expected = new Map<string, { recipients: string[]; event: number; node: string }>();
  private readonly shown = new Set<string>();
  private readonly acceptedBy: number;

  constructor(ctx: CheckContext) {
    super();
    this.acceptedBy = judgedUntil(ctx);
  }

  onEvent(e: TraceEvent): void {
    if (e.type !== "observe") return;
    if (e.name === "msg.accepted") {
      const mid = String(e.data?.mid);
      const recipients = (e.data?.recipients as string[] | undefined) ?? [];
      if (!this.expected.has(mid) && e.t <= this.acceptedBy) this.expected.set(mid, { recipients, event: e.i, node: e.node ?? "" });
    } else if (e.name === "msg.display") {
      this.shown.add(`${String(e.data?.mid)}@${recipientOf(e)}`);
    }
  }

  override finish(last: TraceEvent): Violation[] {
    const missing: string[] = [];
    const nodes = new Set<string>();
    for (const [mid, x] of this.expected) {
      for (const r of x.recipients) {
        if (this.shown.has(`${mid}@${r}`)) continue;
        missing.push(`${mid} -> ${r}`);
        nodes.add(x.node);
        nodes.add(r.split(":")[0]);
      }
    }
    if (missing.length === 0) return [];
    const list = missing.slice(0, 5).join(", ") + (missing.length > 5 ? `, … (${missing.length} in all)` : "");
    this.report(last, `${missing.length} accepted message deliveries never shown after heal: ${list}`, [...nodes]);
    return this.violations;
  }
}

class NoDuplicateDisplay extends BaseChecker {
  private readonly shown = new Map<string, number>();

  onEvent(e: TraceEvent): void {
    if (e.type !== "observe" || e.name !== "msg.display") return;
    const key = `${String(e.data?.mid)}@${recipientOf(e)}`;
    const first = this.shown.get(key);
    if (first === undefined) this.shown.set(key, e.i);
    else this.report(e, `${recipientOf(e)} shows message ${String(e.data?.mid)} twice (first at event ${first})`, [e.node ?? ""]);
  }
}

export const noLostMessage: InvariantDef = {
  name: "no-lost-message",
  description: "every message the system accepted (before the second half of the heal phase) is shown to every recipient by the end",
  kind: "liveness",
  create: (ctx) => new NoLostMessage(ctx),
};

export const noDuplicateDisplay: InvariantDef = {
  name: "no-duplicate-display",
  description: "a client shows each message id once",
  kind: "safety",
  create: () => new NoDuplicateDisplay(),
};
