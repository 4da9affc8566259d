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

/** A join or leave in a group while one of its messages was accepted but not yet fanned out. */
function membershipRace(): ReturnType<CoverageDef["create"]> {
  const open = new Map<string, string>();
  let reached = false;
  return {
    onEvent(e: TraceEvent) {
      if (reached || e.type !== "observe") return;
      const d = e.data ?? {};
      if (e.name === "group.accept") open.set(String(d.mid), String(d.group));
      else if (e.name === "group.fanout.done") open.delete(String(d.mid));
      else if (e.name === "group.join" || e.name === "group.leave") reached = [...open.values()].includes(String(d.group));
    },
    get reached() {
      return reached;
    },
  };
}

/** Polling (stage 1) holds no sockets: nothing is pushed, replayed or routed by a registry. */
const withSockets = (w: Readonly<Record<string, unknown>>) => (w.design ?? "polling") !== "polling";

/** The situations a chat sweep should reach. */
export const CHAT_COVERAGE: CoverageDef[] = [
  {
    name: "recipient-offline",
    description: "a message reached the delivery step while its recipient had no registered socket",
    create: reachedBy(observed("route.offline")),
    appliesTo: withSockets,
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
    appliesTo: withSockets,
  },
  {
    name: "stale-registry",
    description: "a push went to a server that no longer held the user's socket (or was down)",
    create: reachedBy((e) => observed("push.miss")(e) || (e.type === "drop" && e.mtype === "push" && e.name === "node-down")),
    appliesTo: withSockets,
  },
];

const withQueue = (w: Readonly<Record<string, unknown>>) => w.design === "notify";

/** The message log behind diagram 003's API servers. */
export const QUEUE_COVERAGE: CoverageDef[] = [
  {
    name: "queue-failover",
    description: "a message-queue partition moved to a new leader during the run",
    create: reachedBy(observed("log.leader", (d) => Number(d.epoch) > 0)),
    appliesTo: withQueue,
  },
  {
    name: "queue-duplicate",
    description: "an API server resent a batch and the log answered with the offsets it already had (idempotent producer)",
    create: reachedBy(observed("log.duplicate")),
    appliesTo: withQueue,
  },
];

const withGroups = (w: Readonly<Record<string, unknown>>) => Number(w.groups ?? 0) > 0;

/** What a group sweep should reach besides (only scenarios with groups report them). */
export const GROUP_COVERAGE: CoverageDef[] = [
  {
    name: "membership-race",
    description: "a join or leave landed while a message of that group was accepted but not yet fanned out",
    create: membershipRace,
    appliesTo: withGroups,
  },
  {
    name: "fanout-resumed",
    description: "a Group Worker restarted with a fan-out in progress and resumed it",
    create: reachedBy(observed("group.fanout.resume")),
    appliesTo: withGroups,
  },
  {
    name: "mention-push",
    description: "an @mentioned member was found offline and sent a push",
    create: reachedBy(observed("push.sent", (d) => d.reason === "mention")),
    appliesTo: (w) => withGroups(w) && Number(w.mentionShare ?? 0) > 0,
  },
];
