import type { TraceEvent } from "../../kernel/trace.ts";
import { BaseChecker, type InvariantDef } from "../checker.ts";

const NAMES = ["", "sent", "delivered", "read"];

/** receipts-monotonic: a sender's receipt for a message goes sent -> delivered -> read, never back. */
class ReceiptsMonotonic extends BaseChecker {
  private readonly state = new Map<string, number>();

  onEvent(e: TraceEvent): void {
    if (e.type !== "observe" || e.name !== "receipt.show") return;
    const key = `${String(e.data?.user ?? e.node)}|${String(e.data?.mid)}`;
    const s = Number(e.data?.state);
    const prev = this.state.get(key) ?? 0;
    if (s < prev) this.report(e, `${key.replace("|", " sees ")} go back from ${NAMES[prev] ?? prev} to ${NAMES[s] ?? s}`, [e.node ?? ""]);
    else this.state.set(key, s);
  }
}

export const receiptsMonotonic: InvariantDef = {
  name: "receipts-monotonic",
  description: "a sender's receipts go sent -> delivered -> read and never move back",
  kind: "safety",
  create: () => new ReceiptsMonotonic(),
};
