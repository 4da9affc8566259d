import type { NodeContext } from "../../../kernel/behavior.ts";
import type { Message } from "../../../kernel/types.ts";
import type { CoordDurable, WithCoordLog } from "../coordinatorLog.ts";
import type { LogPlan } from "../plan.ts";
import type { RpcState } from "../rpc.ts";

export type GroupStateName = "Empty" | "PreparingRebalance" | "CompletingRebalance" | "Stable";

export interface Member {
  node: string;
  lastHb: number;
  /** Highest OffsetCommit sequence seen: a replayed (network-duplicated) older commit is not applied, as TCP ordering would ensure. */
  commitSeq?: number;
}

/** One consumer group (the classic protocol, coordinator-side assignment). */
export interface Group {
  name: string;
  topic: string;
  state: GroupStateName;
  generation: number;
  members: Record<string, Member>;
  assignment: Record<string, string[]>;
  /** Committed offsets: the next offset to read, per partition (rule 16). */
  committed: Record<string, number>;
  /** Transactional offsets waiting for their marker, per producer id (rule 9). */
  pendingTxn: Record<number, { epoch: number; offsets: Record<string, number> }>;
  /** Coordinator epoch of the last marker per producer id (older markers fenced). */
  markerEpochs: Record<number, number>;
  /** Producer epoch of the last marker per producer id: a TxnOffsetCommit from below it is fenced, as the offsets partition's producer state would. */
  producerEpochs: Record<number, number>;
  joins: Message[];
  syncs: Message[];
  rebalanceTimer: number;
}

/** A record of the group's part of `__consumer_offsets`. */
export type GroupRecord =
  | { kind: "offsets"; group: string; offsets: Record<string, number>; generation: number; member: string; pid?: number; epoch?: number }
  | { kind: "group"; group: string; topic: string; generation: number; members: string[]; assignment: Record<string, string[]> }
  | { kind: "marker"; group: string; pid: number; epoch: number; result: "COMMIT" | "ABORT"; coordEpoch: number };

export interface GcVolatile extends WithCoordLog {
  rpc: RpcState;
  groups: Record<string, Group>;
  conts: Record<string, { msg?: Message; rec: GroupRecord }>;
  nextMember: number;
}

export type GcCtx = NodeContext<CoordDurable, GcVolatile>;

export interface GcEnv {
  readonly plan: LogPlan;
  readonly id: string;
  /** Bug variant no-fencing: commits are not checked against member and generation. */
  readonly fence: boolean;
}

export function newGroup(name: string, topic: string): Group {
  return { name, topic, state: "Empty", generation: 0, members: {}, assignment: {}, committed: {}, pendingTxn: {}, markerEpochs: {}, producerEpochs: {}, joins: [], syncs: [], rebalanceTimer: -1 };
}
