import type { NodeContext } from "../../../kernel/behavior.ts";
import type { Message } from "../../../kernel/types.ts";
import type { CoordDurable, WithCoordLog } from "../coordinatorLog.ts";
import type { LogPlan } from "../plan.ts";
import type { RpcState } from "../rpc.ts";
import type { TxnStateName } from "./states.ts";

/** One transactional id's metadata, as written to `__transaction_state`. */
export interface TxnMeta {
  txnId: string;
  pid: number;
  epoch: number;
  /** The epoch before the last bump, to recognise a retried EndTxn (v2). */
  prevEpoch: number;
  state: TxnStateName;
  partitions: string[];
  startMs: number;
  timeoutMs: number;
  /** Who ended the transaction: the client's EndTxn, or a fence (init while open, timeout). */
  endedBy: "client" | "fence" | null;
}

/** What to do once a state record is durable. */
export type Then = "init" | "ok" | "end" | "fence" | "markers" | "none";

export interface TcVolatile extends WithCoordLog {
  rpc: RpcState;
  txns: Record<string, TxnMeta>;
  /** Transactional ids with a state write in flight (Kafka's pendingState): requests get CONCURRENT_TRANSACTIONS. */
  busy: Record<string, true>;
  /** Markers acknowledged per transactional id, for the current Prepare* epoch. */
  acked: Record<string, string[]>;
  /** Transactional ids with a marker retry timer set (one at a time, however many markers failed). */
  retrying: Record<string, true>;
  conts: Record<string, { txnId: string; next: TxnMeta; then: Then; msg?: Message }>;
  maxPid: number;
}

export type TcCtx = NodeContext<CoordDurable, TcVolatile>;

export interface TcEnv {
  readonly plan: LogPlan;
  /** Bug variant no-marker-recovery: a new coordinator forgets prepared transactions. */
  readonly recoverMarkers: boolean;
}

export const PID_BASE = 1_000_000_000;
