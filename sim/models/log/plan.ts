import type { ModelSetup } from "../../model.ts";
import type { Topology } from "../../topology.ts";
import { OFFSETS_TOPIC, TXN_STATE_TOPIC, partitionName, type PartitionMeta } from "./wire.ts";

/** Timings and sizes, all from the scenario's workload (ms unless named otherwise). */
export interface LogSettings {
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly minIsr: number;
  readonly producerMode: "idempotent" | "transactional";
  readonly txnRecords: number;
  readonly abortRate: number;
  readonly isolation: "read_committed" | "read_uncommitted";
  readonly requestTimeoutMs: number;
  readonly brokerHeartbeatMs: number;
  readonly brokerSessionMs: number;
  readonly replicaLagMs: number;
  readonly fetchWaitMs: number;
  readonly heartbeatMs: number;
  readonly sessionTimeoutMs: number;
  readonly rebalanceDelayMs: number;
  readonly txnTimeoutMs: number;
  readonly processMs: number;
  readonly autoCommitMs: number;
  readonly messages: number;
  readonly ratePerSec: number;
}

export const LOG_WORKLOAD_DEFAULTS = {
  partitions: 2,
  replicationFactor: 3,
  minIsr: 2,
  producerMode: "idempotent",
  txnRecords: 3,
  abortRate: 0.2,
  isolation: "read_committed",
  apps: [] as string[],
  requestTimeoutMs: 250,
  brokerHeartbeatMs: 100,
  brokerSessionMs: 400,
  replicaLagMs: 300,
  fetchWaitMs: 100,
  heartbeatMs: 100,
  sessionTimeoutMs: 450,
  rebalanceDelayMs: 60,
  txnTimeoutMs: 1200,
  processMs: 8,
  autoCommitMs: 60,
};

/** Who does what on the drawn topology, and where every partition lives. */
export interface LogPlan {
  readonly settings: LogSettings;
  readonly brokers: readonly string[];
  /** Every node that hosts partition replicas (brokers, offset stores). */
  readonly hosts: readonly string[];
  /** The KRaft controller runs beside the first broker ("combined mode", one voter). */
  readonly controller: string;
  readonly assignment: Readonly<Record<string, PartitionMeta>>;
  readonly topics: Readonly<Record<string, readonly string[]>>;
  readonly txnCoordinator: string | null;
  readonly groupCoordinators: readonly string[];
  readonly producers: readonly string[];
  /** Consumers running consume-transform-produce (group "app"). */
  readonly apps: readonly string[];
  /** Plain consumers (group "readers"). */
  readonly readers: readonly string[];
  /** The topic the readers subscribe to. */
  readonly readTopic: string;
}

const byRole = (t: Topology, role: string) => t.nodes.filter((n) => n.role === role).map((n) => n.id);

function settingsOf(w: Readonly<Record<string, unknown>>): LogSettings {
  const x = { ...LOG_WORKLOAD_DEFAULTS, ...w } as Record<string, unknown>;
  const num = (k: string) => Number(x[k]);
  return {
    partitions: num("partitions"),
    replicationFactor: num("replicationFactor"),
    minIsr: num("minIsr"),
    producerMode: x.producerMode === "transactional" ? "transactional" : "idempotent",
    txnRecords: num("txnRecords"),
    abortRate: num("abortRate"),
    isolation: x.isolation === "read_uncommitted" ? "read_uncommitted" : "read_committed",
    requestTimeoutMs: num("requestTimeoutMs"),
    brokerHeartbeatMs: num("brokerHeartbeatMs"),
    brokerSessionMs: num("brokerSessionMs"),
    replicaLagMs: num("replicaLagMs"),
    fetchWaitMs: num("fetchWaitMs"),
    heartbeatMs: num("heartbeatMs"),
    sessionTimeoutMs: num("sessionTimeoutMs"),
    rebalanceDelayMs: num("rebalanceDelayMs"),
    txnTimeoutMs: num("txnTimeoutMs"),
    processMs: num("processMs"),
    autoCommitMs: num("autoCommitMs"),
    messages: num("messages"),
    ratePerSec: num("ratePerSec"),
  };
}

/** Replicas of the k-th partition placed on `hosts`, rotating so leaders spread. */
function place(hosts: readonly string[], k: number, rf: number): PartitionMeta {
  const n = Math.min(rf, hosts.length);
  const replicas = Array.from({ length: n }, (_, j) => hosts[(k + j) % hosts.length]);
  return { leader: replicas[0] ?? null, leaderEpoch: 0, partitionEpoch: 0, isr: replicas, replicas };
}

/** Lays topics out over the hosts: `in`, `out` (when apps run) and `__transaction_state` on the brokers, `__consumer_offsets` on `offsetHosts`. */
function layout(s: LogSettings, brokers: readonly string[], offsetHosts: readonly string[] | null, withOut: boolean) {
  const assignment: Record<string, PartitionMeta> = {};
  const topics: Record<string, string[]> = {};
  let k = 0;
  const add = (topic: string, count: number, hosts: readonly string[]) => {
    topics[topic] = [];
    for (let i = 0; i < count; i++) {
      const name = partitionName(topic, i);
      topics[topic].push(name);
      assignment[name] = place(hosts, hosts === brokers ? k++ : i, s.replicationFactor);
    }
  };
  add("in", s.partitions, brokers);
  if (withOut) add("out", s.partitions, brokers);
  if (offsetHosts) {
    add(TXN_STATE_TOPIC, 1, brokers);
    add(OFFSETS_TOPIC, 1, offsetHosts);
  }
  return { assignment, topics };
}

export function planFor(setup: ModelSetup): LogPlan {
  const t = setup.topology;
  const s = settingsOf(setup.workload);
  const brokers = byRole(t, "broker");
  if (brokers.length === 0) throw new Error("the log model needs at least one broker node");
  const offsetStores = byRole(t, "offset-store");
  const offsetHosts = offsetStores.length >= 2 ? offsetStores : brokers;
  const consumers = byRole(t, "consumer");
  const apps = ((setup.workload.apps as string[] | undefined) ?? []).filter((id) => consumers.includes(id));
  return {
    settings: { ...s, minIsr: Math.min(s.minIsr, s.replicationFactor, brokers.length) },
    brokers,
    hosts: [...new Set([...brokers, ...offsetHosts])],
    controller: brokers[0],
    ...layout(s, brokers, offsetHosts, apps.length > 0),
    txnCoordinator: byRole(t, "txn-coordinator")[0] ?? null,
    groupCoordinators: byRole(t, "group-coordinator"),
    producers: byRole(t, "producer"),
    apps,
    readers: consumers.filter((id) => !apps.includes(id)),
    readTopic: apps.length > 0 ? "out" : "in",
  };
}

/** The log settings a model that runs the log as its queue may override. */
export const QUEUE_KEYS = ["partitions", "replicationFactor", "minIsr", "requestTimeoutMs", "brokerHeartbeatMs", "brokerSessionMs", "replicaLagMs", "fetchWaitMs"];

/**
 * The log as another model's message queue: topic `in` replicated over
 * `brokers` (the controller beside the first), no coordinators and no
 * producers or consumers of its own; the other model's nodes speak Produce,
 * Fetch and Metadata to it. `overrides` are log workload keys
 * (`partitions`, `replicationFactor`, `minIsr`, timings).
 */
export function queuePlan(brokers: readonly string[], overrides: Readonly<Record<string, unknown>>): LogPlan {
  if (brokers.length === 0) throw new Error("a message queue needs at least one node");
  const s = settingsOf({ messages: 0, ratePerSec: 0, ...overrides });
  for (const [k, v] of Object.entries(overrides)) {
    if (!QUEUE_KEYS.includes(k)) throw new Error(`queue.${k}: not a message-queue setting (one of ${QUEUE_KEYS.join(", ")})`);
    const whole = k === "partitions" || k === "replicationFactor" || k === "minIsr";
    if (typeof v !== "number" || !Number.isFinite(v) || v < (whole ? 1 : 0) || (whole && !Number.isInteger(v))) throw new Error(`queue.${k}: expected ${whole ? "a whole number from 1" : "a non-negative number"}, got ${JSON.stringify(v)}`);
  }
  return {
    settings: { ...s, minIsr: Math.min(s.minIsr, s.replicationFactor, brokers.length) },
    brokers,
    hosts: brokers,
    controller: brokers[0],
    ...layout(s, brokers, null, false),
    txnCoordinator: null,
    groupCoordinators: [],
    producers: [],
    apps: [],
    readers: [],
    readTopic: "in",
  };
}

/** The group coordinator of a group: a stable hash over the drawn coordinators. */
export function groupCoordinatorFor(plan: LogPlan, group: string): string {
  let h = 0;
  for (let i = 0; i < group.length; i++) h = (h * 31 + group.charCodeAt(i)) | 0;
  const list = plan.groupCoordinators;
  if (list.length === 0) throw new Error("the log model needs a group-coordinator node for consumer groups");
  return list[Math.abs(h) % list.length];
}
