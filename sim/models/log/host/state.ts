import type { NodeContext } from "../../../kernel/behavior.ts";
import type { Message } from "../../../kernel/types.ts";
import type { LogPlan } from "../plan.ts";
import type { Replica } from "../replica/replica.ts";
import type { RpcState } from "../rpc.ts";
import type { MetadataTable } from "../wire.ts";
import type { ControllerDurable, ControllerVolatile } from "./controller.ts";

/** What a host writes to disk: its replicas (log + HW) and, on the controller's node, the metadata log. */
export interface HostDurable {
  boots: number;
  replicas: Record<string, Replica>;
  controller?: ControllerDurable;
  /** Producer ids this host handed out (InitProducerId without a transactional id). */
  nextPid?: number;
}

/** A produce waiting for the HW to pass its last offset (acks=all), or a marker waiting likewise. */
export interface Parked {
  readonly msg: Message;
  readonly lastOffset: number;
  readonly reply: Record<string, unknown>;
}

export interface LeaderState {
  epoch: number;
  /** Log end when this leadership began: HW is served only once it reaches it. */
  epochStart: number;
  partitionEpoch: number;
  isr: string[];
  /** An AlterPartition in flight: its ISR counts for the HW until the controller answers (maximal ISR). */
  pendingIsr: string[] | null;
  followers: Record<string, { leo: number; caughtUpAt: number }>;
  produces: Parked[];
  /** Long-polling fetches (followers and consumers) waiting for data. */
  fetches: { msg: Message; timer: number }[];
  servedHw: number;
}

export interface FollowerState {
  leader: string;
  epoch: number;
  session: number;
}

export interface HostVolatile {
  rpc: RpcState;
  /** Registration token of this incarnation: a new one tells the controller the host restarted. */
  token: number;
  meta: MetadataTable;
  metaVersion: number;
  lead: Record<string, LeaderState>;
  follow: Record<string, FollowerState>;
  nextSession: number;
  /** KIP-890 verification guard: partition|pid|epoch already checked with the coordinator. */
  verified: Record<string, true>;
  /** Last HW/LSO observed per partition, so log.hw is emitted only on change. */
  hwSeen: Record<string, string>;
  ctl?: ControllerVolatile;
}

export type HostCtx = NodeContext<HostDurable, HostVolatile>;

/** Everything a host's handlers need besides the context. */
export interface HostEnv {
  readonly plan: LogPlan;
  readonly dedupe: boolean;
  readonly fenceEpochs: boolean;
}
