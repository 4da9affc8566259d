import { LOG_INVARIANTS } from "../../check/log/index.ts";
import type { Behavior } from "../../kernel/behavior.ts";
import type { ModelDef, ModelSetup } from "../../model.ts";
import type { TopologyNode } from "../../topology.ts";
import { appBehavior } from "./client/app.ts";
import { producerBehavior } from "./client/producer.ts";
import { readerBehavior } from "./client/reader.ts";
import { LOG_COVERAGE } from "./coverage.ts";
import { groupCoordinatorBehavior } from "./group/behavior.ts";
import { hostBehavior } from "./host/host.ts";
import { LogMetrics } from "./metrics.ts";
import { LOG_WORKLOAD_DEFAULTS, planFor } from "./plan.ts";
import { txnCoordinatorBehavior } from "./txn/behavior.ts";
import { LOG_VARIANTS } from "./variants.ts";

function behaviorFor(node: TopologyNode, setup: ModelSetup): Behavior | null {
  const plan = planFor(setup);
  const v = setup.variant;
  if (plan.hosts.includes(node.id)) return hostBehavior(node.id, plan, v);
  switch (node.role) {
    case "txn-coordinator":
      return node.id === plan.txnCoordinator ? txnCoordinatorBehavior(plan, v) : null;
    case "group-coordinator":
      return groupCoordinatorBehavior(node.id, plan, v);
    case "producer":
      return producerBehavior(node.id, plan);
    case "consumer":
      return plan.apps.includes(node.id) ? appBehavior(plan, v) : readerBehavior(plan, v);
    default:
      return null;
  }
}

/**
 * The Kafka-style message log (issue 5): replicated partitions with a
 * controller, idempotent and transactional producers, a transaction
 * coordinator, consumer groups and exactly-once consume-transform-produce.
 * See sim/models/log/README.md.
 */
export const logModel: ModelDef = {
  name: "log",
  description: "a Kafka-style replicated log: idempotent and transactional producers, consumer groups, exactly-once consume-transform-produce",
  invariants: LOG_INVARIANTS,
  variants: LOG_VARIANTS,
  coverage: LOG_COVERAGE,
  workloadDefaults: LOG_WORKLOAD_DEFAULTS,
  behaviorFor,
  metrics: () => new LogMetrics(),
};
