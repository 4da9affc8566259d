import type { Role } from "../roles.ts";
import type { Dist } from "./dist.ts";
import type { QueuedEvent } from "./queue.ts";
import type { FaultEntry } from "../scenario/faults.ts";

/** A server's capacity: what makes load, latency and a design's cost visible. */
export interface Capacity {
  readonly serviceMs: Dist;
  readonly concurrency: number;
  readonly queueLimit: number;
}

export interface Message {
  readonly id: number;
  readonly from: string;
  readonly to: string;
  readonly type: string;
  readonly body: unknown;
  /** Connection id for connection-oriented traffic (in order or broken). */
  readonly conn?: number;
  readonly sentAt: number;
  /** What the message is about, set by the model (a transaction, a chat message id): traced with it. */
  readonly ref?: MsgRef;
  /** A response's error code (PRODUCER_FENCED, ILLEGAL_GENERATION, ...): traced with it. */
  readonly error?: string;
}

/** A model's label for what a message concerns: `{txnId, pid, epoch}` in the log, `{mid}` in chat. */
export type MsgRef = Readonly<Record<string, string | number>>;

export type NodeStatus = "up" | "crashed" | "paused";

/** Everything the kernel knows about a node. Plain data: snapshots clone it. */
export interface NodeData {
  readonly id: string;
  readonly index: number;
  /** The trace hash of `id`, computed once. */
  readonly idHash: number;
  readonly role: Role;
  status: NodeStatus;
  /** Bumped at every crash; events of an older incarnation are dropped. */
  incarnation: number;
  /** Survives crashes (what the node wrote to disk). */
  durable: unknown;
  /** Lost at a crash; rebuilt by the behavior at restart. */
  volatile: unknown;
  readonly capacity: Capacity | null;
  busy: number;
  waiting: Message[];
  overloaded: boolean;
  pausedAt: number;
  deferred: KernelEvent[];
  /** Integral of busy servers over time (ms), for utilisation. */
  busyMs: number;
  lastBusyChange: number;
  maxWaiting: number;
  rejected: number;
  handled: number;
}

export const enum Kind {
  Deliver = 0,
  ServiceDone = 1,
  Timer = 2,
  Fault = 3,
  FaultEnd = 4,
  ConnClosed = 5,
  Resume = 6,
  Phase = 7,
}

export interface KernelEvent extends QueuedEvent {
  k: Kind;
  /** Target node index, or -1 for world events. */
  node: number;
  /** Target incarnation, or -1 when the event outlives crashes (deliveries). */
  inc: number;
  msg?: Message;
  timerId?: number;
  name?: string;
  data?: unknown;
  fault?: FaultEntry;
  faultId?: number;
}

export interface Violation {
  /** Virtual time, ms. */
  readonly at: number;
  /** Trace index of the event that broke the invariant (a UI jumps there). */
  readonly event: number;
  readonly message: string;
  readonly nodes: readonly string[];
  /** Network message ids involved, for highlighting. */
  readonly msgs?: readonly number[];
}
