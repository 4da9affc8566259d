import { TraceHash } from "./trace.ts";
import type { Kind, KernelEvent, NodeData } from "./types.ts";
import type { WorldNode } from "./world.ts";

/** Every kernel event has the same fields in the same order (one hidden class for V8). */
export function newEvent(time: number, prio: number, k: Kind, node: number, inc: number): KernelEvent {
  return {
    time,
    prio,
    seq: 0,
    cancelled: false,
    k,
    node,
    inc,
    msg: undefined,
    timerId: undefined,
    name: undefined,
    data: undefined,
    fault: undefined,
    faultId: undefined,
  };
}

export function newNodeData(n: WorldNode, index: number): NodeData {
  return {
    id: n.id,
    index,
    idHash: TraceHash.strHash(n.id),
    role: n.role,
    status: "up",
    incarnation: 0,
    durable: null,
    volatile: null,
    capacity: n.capacity,
    busy: 0,
    waiting: [],
    overloaded: false,
    pausedAt: 0,
    deferred: [],
    busyMs: 0,
    lastBusyChange: 0,
    maxWaiting: 0,
    rejected: 0,
    handled: 0,
  };
}
