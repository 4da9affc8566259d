import type { TraceEvent } from "../../kernel/trace.ts";
import { BaseChecker, type InvariantDef } from "../checker.ts";

/** ack-after-persist: no `msg.ack {mid}` before the durable write `msg.persist {mid}`. */
class AckAfterPersist extends BaseChecker {
  private readonly persisted = new Set<string>();

  onEvent(e: TraceEvent): void {
    if (e.type !== "observe") return;
    const mid = String(e.data?.mid);
    if (e.name === "msg.persist") this.persisted.add(mid);
    else if (e.name === "msg.ack" && !this.persisted.has(mid)) this.report(e, `${e.node} acknowledged ${mid} before it was persisted`, [e.node ?? ""]);
  }
}

export const ackAfterPersist: InvariantDef = {
  name: "ack-after-persist",
  description: "no sender acknowledgement precedes the durable write",
  kind: "safety",
  create: () => new AckAfterPersist(),
};
