import type { TraceEvent } from "../../kernel/trace.ts";
import type { CoverageDef } from "../../model.ts";

function reachedBy(test: (e: TraceEvent) => boolean): CoverageDef["create"] {
  return () => {
    let reached = false;
    return {
      onEvent(e: TraceEvent) {
        if (!reached && test(e)) reached = true;
      },
      get reached() {
        return reached;
      },
    };
  };
}

const observed = (name: string, extra?: (d: Readonly<Record<string, unknown>>) => boolean) => (e: TraceEvent) =>
  e.type === "observe" && e.name === name && (!extra || extra(e.data ?? {}));

/** The situations a chat sweep should reach. */
export const CHAT_COVERAGE: CoverageDef[] = [
  {
    name: "recipient-offline",
    description: "a message reached the delivery step while its recipient had no registered socket",
    create: reachedBy(observed("route.offline")),
  },
  {
    name: "duplicate-retry",
    description: "a sender's retry reached a store that already had the message (deduplicated)",
    create: reachedBy(observed("msg.dedup")),
  },
  {
    name: "reconnect-replay",
    description: "a reconnecting client was sent what it missed from its cursor",
    create: reachedBy(observed("replay", (d) => Number(d.count) > 0)),
  },
  {
    name: "stale-registry",
    description: "a push went to a server that no longer held the user's socket (or was down)",
    create: reachedBy((e) => observed("push.miss")(e) || (e.type === "drop" && e.mtype === "push" && e.name === "node-down")),
  },
];
