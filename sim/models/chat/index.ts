import { groupSnapshot } from "../../check/chat/group.ts";
import { ackAfterPersist } from "../../check/chat/persist.ts";
import { mentionNotified, offlineNotified } from "../../check/chat/notified.ts";
import { perChatOrder } from "../../check/chat/order.ts";
import { receiptsMonotonic } from "../../check/chat/receipts.ts";
import { noDuplicateDisplay, noLostMessage } from "../../check/messages.ts";
import type { Behavior } from "../../kernel/behavior.ts";
import type { ModelDef, ModelSetup } from "../../model.ts";
import type { Topology, TopologyNode } from "../../topology.ts";
import { hostBehavior } from "../log/host/host.ts";
import { clientBehavior } from "./client/behavior.ts";
import { CHAT_COVERAGE, GROUP_COVERAGE, QUEUE_COVERAGE } from "./coverage.ts";
import { ChatMetrics } from "./metrics.ts";
import { chatPlan, type ChatPlan } from "./plan.ts";
import { fanoutBehavior } from "./server/fanout.ts";
import { groupDbBehavior } from "./server/groupDb.ts";
import { apiServerBehavior } from "./server/apiServer.ts";
import { balancerBehavior, notifierBehavior, registryBehavior, workerBehavior } from "./server/helpers.ts";
import { serviceBehavior } from "./server/service.ts";
import { storeBehavior } from "./server/store.ts";
import { CHAT_DEFAULTS, readSettings, type ChatSettings } from "./settings.ts";

const withGroups = (w: Readonly<Record<string, unknown>>) => Number(w.groups ?? 0) > 0;

const plans = new WeakMap<Topology, Map<string, { plan: ChatPlan; s: ChatSettings }>>();

/** One plan per (topology, workload): every node of a run shares it. */
function planFor(setup: ModelSetup): { plan: ChatPlan; s: ChatSettings } {
  let byWorkload = plans.get(setup.topology);
  if (!byWorkload) plans.set(setup.topology, (byWorkload = new Map()));
  const key = JSON.stringify(setup.workload);
  let found = byWorkload.get(key);
  if (!found) {
    const s = readSettings(setup.workload);
    byWorkload.set(key, (found = { plan: chatPlan(setup.topology, s), s }));
  }
  return found;
}

function behaviorFor(node: TopologyNode, setup: ModelSetup): Behavior | null {
  const { plan, s } = planFor(setup);
  const id = node.id;
  if (plan.clients.includes(id)) return clientBehavior(id, plan, s);
  if (id === plan.groupService) return serviceBehavior(plan);
  if (id === plan.groupDb) return groupDbBehavior(plan);
  if (id === plan.groupWorker) return fanoutBehavior(plan, s);
  if (plan.stores.includes(id)) return storeBehavior(plan, s);
  if (plan.log?.hosts.includes(id)) return hostBehavior(id, plan.log, "");
  if (plan.log && plan.api.includes(id)) return apiServerBehavior(plan);
  if (plan.entry.includes(id) && id === plan.balancer) return balancerBehavior(plan);
  if (plan.entry.includes(id) || plan.sockets.includes(id) || plan.api.includes(id)) return serviceBehavior(plan);
  if (id === plan.worker) return workerBehavior(plan);
  if (id === plan.registry) return registryBehavior(s);
  if (id === plan.notifier) return notifierBehavior(plan);
  return null;
}

/**
 * The chat system of diagrams 001-003, stage by stage. `workload.design`
 * picks the stage; every stage shares the client, the store of per-user
 * queues and the services, and differs in who holds sockets, who finds the
 * recipient and who starts delivery.
 */
export const chatModel: ModelDef = {
  name: "chat",
  description: "chat: polling, WebSockets, stateful servers with a registry, CDC, split services, sync queues, notifications; groups with fan-out on write or read, and @mentions",
  invariants: [
    noLostMessage,
    noDuplicateDisplay,
    perChatOrder,
    receiptsMonotonic,
    offlineNotified,
    ackAfterPersist,
    { ...groupSnapshot, appliesTo: withGroups },
    { ...mentionNotified, appliesTo: (w) => withGroups(w) && Number(w.mentionShare ?? 0) > 0 },
  ],
  variants: [
    { name: "ack-before-persist", description: "the service acknowledges the sender before the store has the message", caughtBy: ["ack-after-persist", "no-lost-message"] },
    { name: "no-client-dedup", description: "the client shows a redelivered copy again", caughtBy: ["no-duplicate-display"] },
    { name: "trust-stale-registry", description: "a hand-off to the server the registry names counts as delivered and the pointer moves", caughtBy: ["no-lost-message"] },
    { name: "no-offline-push", description: "no push goes to a recipient without a live socket", caughtBy: ["offline-notified"] },
    { name: "pointer-on-send", description: "the sync-queue pointer moves when entries are pushed, not when the client acknowledges", caughtBy: ["no-lost-message"] },
    { name: "no-receipt-guard", description: "the sender's client shows every receipt update as it arrives, so a redelivered \"delivered\" replaces \"read\" (or a retried send's late acknowledgement replaces \"delivered\")", caughtBy: ["receipts-monotonic"] },
    { name: "no-sequence", description: "the client shows messages in arrival order, not the server's sequence", caughtBy: ["per-chat-order"] },
    { name: "fanout-live-membership", description: "the Group Worker reads who is a member at fan-out time, not the members when the message was accepted", caughtBy: ["group-snapshot"] },
    { name: "partial-fanout-on-crash", description: "the Group Worker takes a fan-out as done when it starts and keeps its progress in memory, so a crash mid fan-out is never resumed", caughtBy: ["no-lost-message"] },
  ],
  coverage: [...CHAT_COVERAGE, ...QUEUE_COVERAGE, ...GROUP_COVERAGE],
  workloadDefaults: CHAT_DEFAULTS,
  behaviorFor,
  metrics: () => new ChatMetrics(),
};
