import type { Role } from "../roles.ts";
import type { NodeContext, SendOptions } from "./behavior.ts";
import { distSample } from "./dist.ts";
import { networkCut, networkFate } from "./network.ts";
import type { Rng } from "./rng.ts";
import type { TraceInput } from "./trace.ts";
import { Kind, type Message, type NodeData } from "./types.ts";
import type { World } from "./world.ts";

/** The one reusable context handed to behaviors; `bind` points it at a node. */
export class NodeContextImpl implements NodeContext {
  private node!: NodeData;

  constructor(private readonly world: World) {}

  bind(node: NodeData): this {
    this.node = node;
    return this;
  }

  get now(): number {
    return this.world.now;
  }
  get id(): string {
    return this.node.id;
  }
  get role(): Role {
    return this.node.role;
  }
  get rng(): Rng {
    return this.world.nodeRng(this.node);
  }
  get durable(): any {
    return this.node.durable;
  }
  set durable(v: any) {
    this.node.durable = v;
  }
  get volatile(): any {
    return this.node.volatile;
  }
  set volatile(v: any) {
    this.node.volatile = v;
  }
  get variant(): string {
    return this.world.options.variant ?? "";
  }

  send(to: string, type: string, body?: unknown, options?: SendOptions): number {
    const w = this.world;
    const net = w.net;
    const from = this.node.id;
    const id = net.nextMsgId++;
    const conn = options?.conn;
    const ref = options?.ref;
    const error = options?.error;
    if (w.options.freezeBodies) deepFreeze(body);
    const msg: Message = options === undefined ? { id, from, to, type, body, sentAt: w.now } : messageWith(id, from, to, type, body, w.now, options);
    const target = w.nodes[w.nodeIndex(to)];
    const self = this.node;
    w.trace.emitNet(w.now, "send", from, self.idHash, from, self.idHash, to, target.idHash, id, type, ref, error);
    if (to === from) {
      w.pushMsg(w.now, Kind.Deliver, target, msg);
      return id;
    }
    if (conn === undefined && net.faults.length === 0 && net.partitions.length === 0 && !w.options.network.links) {
      // The common case: no connection, no link fault, no partition. Same draws as networkFate.
      const at = w.now + distSample(w.options.network.latencyMs, w.netRng);
      if (w.options.trackInflight) net.inflight.set(id, { from, to, type, sentAt: w.now, deliverAt: at });
      w.pushMsg(at, Kind.Deliver, target, msg);
      return id;
    }
    const c = conn !== undefined ? net.conns.get(conn) : undefined;
    if (conn !== undefined && !c?.open) {
      w.emit(labelled({ type: "drop", node: from, from, to, msg: id, mtype: type, name: "conn-closed" }, msg));
      return id;
    }
    const fate = networkFate(net, w.options.network, w.netRng, from, to);
    if (fate.dropped || networkCut(net, from, to)) {
      w.emit(labelled({ type: "drop", node: from, from, to, msg: id, mtype: type, name: fate.dropped ? "loss" : "partition" }, msg));
      if (c) w.breakConn(c.id, fate.dropped ? "loss" : "partition");
      return id;
    }
    let at = w.now + fate.latency;
    if (c) {
      if (c.a === from) at = c.lastAtoB = Math.max(at, c.lastAtoB);
      else at = c.lastBtoA = Math.max(at, c.lastBtoA);
    }
    if (w.options.trackInflight) net.inflight.set(id, { from, to, type, sentAt: w.now, deliverAt: at });
    w.pushMsg(at, Kind.Deliver, target, msg);
    if (fate.duplicated && !c) {
      const again = w.now + fate.latency + w.netRng.next() * fate.latency;
      w.emit(labelled({ type: "duplicate", node: from, from, to, msg: id, mtype: type }, msg));
      w.pushMsg(again, Kind.Deliver, target, msg);
    }
    return id;
  }

  setTimer(delayMs: number, name: string, data?: unknown): number {
    const w = this.world;
    const timerId = w.nextTimerId++;
    w.pushTimer(w.now + Math.max(0, delayMs), this.node, timerId, name, data);
    return timerId;
  }

  /** Lazy: the timer stays queued and is skipped when due. Ids that already fired are ignored only by value, so cancel a timer before it fires. */
  cancelTimer(timerId: number): void {
    if (timerId > 0 && timerId < this.world.nextTimerId) this.world.cancelledTimers.add(timerId);
  }

  connect(peer: string): number {
    const w = this.world;
    const id = w.net.nextConnId++;
    const from = this.node.id;
    w.net.conns.set(id, { id, a: from, b: peer, open: true, lastAtoB: 0, lastBtoA: 0 });
    w.emit({ type: "conn-open", node: from, from, to: peer, data: { conn: id } });
    const target = w.nodes[w.nodeIndex(peer)];
    if (target.status === "crashed") w.breakConn(id, "refused");
    else if (networkCut(w.net, from, peer)) w.breakConn(id, "partition");
    return id;
  }

  close(conn: number): void {
    this.world.breakConn(conn, "closed");
  }

  connOpen(conn: number): boolean {
    return this.world.net.conns.get(conn)?.open ?? false;
  }

  observe(name: string, data?: Record<string, unknown>): void {
    this.world.emit({ type: "observe", node: this.node.id, name, ...(data ? { data } : {}) });
  }
}

/** A message with the optional fields set only where given (absent fields stay absent: they are hashed). */
function messageWith(id: number, from: string, to: string, type: string, body: unknown, sentAt: number, o: SendOptions): Message {
  const msg: { -readonly [K in keyof Message]: Message[K] } = { id, from, to, type, body, sentAt };
  if (o.conn !== undefined) msg.conn = o.conn;
  if (o.ref !== undefined) msg.ref = o.ref;
  if (o.error !== undefined) msg.error = o.error;
  return msg;
}

/** A network trace event with the message's `ref` and `error`, where it has them. */
export function labelled(e: TraceInput, msg: Message): TraceInput {
  if (msg.ref === undefined && msg.error === undefined) return e;
  const out: { -readonly [K in keyof TraceInput]: TraceInput[K] } = { ...e };
  if (msg.ref !== undefined) out.ref = msg.ref;
  if (msg.error !== undefined) out.error = msg.error;
  return out;
}

/** Freezes an object graph (plain data: objects and arrays). */
function deepFreeze(x: unknown): void {
  if (x === null || typeof x !== "object" || Object.isFrozen(x)) return;
  Object.freeze(x);
  for (const v of Object.values(x)) deepFreeze(v);
}
