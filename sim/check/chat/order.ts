import type { TraceEvent } from "../../kernel/trace.ts";
import { BaseChecker, type InvariantDef } from "../checker.ts";

/**
 * per-chat-order: each recipient shows a conversation in the server's
 * sequence order. Reads `msg.display {mid, recipient, conv, seq}`; a second
 * display of the same id is no-duplicate-display's business, not order's.
 */
class PerChatOrder extends BaseChecker {
  private readonly last = new Map<string, { seq: number; mid: string }>();
  private readonly seen = new Set<string>();

  onEvent(e: TraceEvent): void {
    if (e.type !== "observe" || e.name !== "msg.display" || e.data?.seq === undefined) return;
    const who = String(e.data.recipient ?? e.node);
    const mid = String(e.data.mid);
    if (this.seen.has(`${who}|${mid}`)) return;
    this.seen.add(`${who}|${mid}`);
    const key = `${who}|${String(e.data.conv)}`;
    const seq = Number(e.data.seq);
    const prev = this.last.get(key);
    if (prev && seq <= prev.seq) {
      this.report(e, `${who} shows ${mid} (seq ${seq}) of ${String(e.data.conv)} after ${prev.mid} (seq ${prev.seq})`, [e.node ?? ""]);
      return;
    }
    this.last.set(key, { seq, mid });
  }
}

export const perChatOrder: InvariantDef = {
  name: "per-chat-order",
  description: "each client shows a conversation in the server's sequence order",
  kind: "safety",
  create: () => new PerChatOrder(),
};
