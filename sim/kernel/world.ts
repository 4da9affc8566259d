import type { Role } from "../roles.ts";
import type { FaultSchedule } from "../scenario/faults.ts";
import type { Behavior } from "./behavior.ts";
import { labelled, NodeContextImpl } from "./context.ts";
import { distSample } from "./dist.ts";
import { applyFault, endFault, fireTriggers, scheduleFaults, startHeal, type FaultTrigger } from "./faultApply.ts";
import { connectionsOf, networkCut, networkInit, type NetworkConfig, type NetworkData } from "./network.ts";
import { EventQueue } from "./queue.ts";
import { RngStreams, type Rng, type RngState } from "./rng.ts";
import { Trace, type TraceInput, type TraceListener, type TraceOptions } from "./trace.ts";
import { newEvent, newNodeData } from "./records.ts";
import { Kind, type Capacity, type KernelEvent, type Message, type NodeData } from "./types.ts";

export interface WorldNode {
  readonly id: string;
  readonly role: Role;
  readonly capacity: Capacity | null;
  readonly behavior: Behavior | null;
}

export interface WorldOptions {
  readonly seed: number;
  readonly nodes: readonly WorldNode[];
  readonly network: NetworkConfig;
  readonly faults: FaultSchedule;
  /** Faults stop here; then every fault is cleared and the heal phase runs. */
  readonly safetyMs: number;
  /** Length of the heal phase (0: none). */
  readonly healMs: number;
  readonly variant?: string;
  /** Keep `net.inflight`, the messages on the wire (for drawing them). Default off. */
  readonly trackInflight?: boolean;
  /**
   * Deep-freeze every message body at send (tests): a node that changes a
   * body after sending it, or one it received, shares memory with another
   * node, which real machines cannot; the write throws at the culprit.
   */
  readonly freezeBodies?: boolean;
  readonly trace?: TraceOptions;
  readonly listeners?: readonly TraceListener[];
}

export type Phase = "safety" | "heal" | "end";

/** Event priorities at equal times: faults and phases first, then the rest. */
const PRIO_WORLD = 0;
const PRIO_NODE = 1;

/** A snapshot: the whole world as plain data. */
export interface WorldSnapshot {
  readonly data: WorldData;
  readonly rng: Record<string, RngState>;
  readonly trace: { count: number; h1: number; h2: number };
}

interface WorldData {
  now: number;
  phase: Phase;
  heap: KernelEvent[];
  nextSeq: number;
  nodes: NodeData[];
  net: NetworkData;
  cancelledTimers: Set<number>;
  nextTimerId: number;
  triggers: FaultTrigger[];
}

/**
 * The simulated world: nodes, network, event queue, trace. It moves only
 * through `step()`; everything random comes from the seed's streams.
 */
export class World {
  readonly options: WorldOptions;
  readonly trace: Trace;
  readonly queue = new EventQueue<KernelEvent>();
  readonly behaviors: (Behavior | null)[];
  readonly index = new Map<string, number>();
  rngs: RngStreams;
  netRng: Rng;
  now = 0;
  phase: Phase = "safety";
  nodes: NodeData[];
  net: NetworkData = networkInit();
  /**
   * Timers cancelled but not yet due: a due timer whose id is here is
   * skipped (lazy cancellation: nothing is removed from the heap).
   */
  cancelledTimers = new Set<number>();
  nextTimerId = 1;
  triggers: FaultTrigger[] = [];
  private readonly ctx: NodeContextImpl;
  private nodeRngs: Rng[] = [];
  private svcRngs: Rng[] = [];

  constructor(options: WorldOptions) {
    this.options = options;
    this.trace = new Trace(options.trace);
    for (const l of options.listeners ?? []) this.trace.listen(l);
    this.rngs = new RngStreams(options.seed);
    this.netRng = this.rngs.get("net");
    this.behaviors = options.nodes.map((n) => n.behavior);
    this.nodes = options.nodes.map((n, index) => {
      this.index.set(n.id, index);
      return newNodeData(n, index);
    });
    this.ctx = new NodeContextImpl(this);
    scheduleFaults(this, options.faults);
    if (this.triggers.length > 0) this.trace.listen((e) => fireTriggers(this, e.type, e.name, e.node));
    this.pushWorld(options.safetyMs, Kind.Phase, "heal");
    this.pushWorld(options.safetyMs + options.healMs, Kind.Phase, "end");
    this.emit({ type: "phase", name: "safety" });
    for (const node of this.nodes) this.startNode(node, true);
  }

  get endMs(): number {
    return this.options.safetyMs + this.options.healMs;
  }

  nodeIndex(id: string): number {
    const i = this.index.get(id);
    if (i === undefined) throw new Error(`unknown node ${id}`);
    return i;
  }

  /** The node's own random stream, for its behavior. */
  nodeRng(node: NodeData): Rng {
    return (this.nodeRngs[node.index] ??= this.rngs.get(`node:${node.id}`));
  }

  emit(input: TraceInput): void {
    this.trace.emit(this.now, input);
  }

  pushWorld(time: number, k: Kind, name?: string, extra?: Partial<KernelEvent>): KernelEvent {
    const e = newEvent(time, PRIO_WORLD, k, -1, -1);
    e.name = name;
    if (extra) Object.assign(e, extra);
    return this.queue.push(e);
  }

  pushNode(time: number, k: Kind, node: NodeData, extra: Partial<KernelEvent>, inc = node.incarnation): KernelEvent {
    const e = newEvent(time, PRIO_NODE, k, node.index, inc);
    Object.assign(e, extra);
    return this.queue.push(e);
  }

  /** A delivery (inc -1: it outlives crashes) or a service completion. */
  pushMsg(time: number, k: Kind.Deliver | Kind.ServiceDone, node: NodeData, msg: Message): void {
    const e = newEvent(time, PRIO_NODE, k, node.index, k === Kind.Deliver ? -1 : node.incarnation);
    e.msg = msg;
    this.queue.push(e);
  }

  pushTimer(time: number, node: NodeData, timerId: number, name: string, data: unknown): void {
    const e = newEvent(time, PRIO_NODE, Kind.Timer, node.index, node.incarnation);
    e.timerId = timerId;
    e.name = name;
    e.data = data;
    this.queue.push(e);
  }

  /** Runs one event. False when the run is over (queue empty or phase end). */
  step(): boolean {
    if (this.phase === "end") return false;
    const e = this.queue.pop();
    if (!e) return false;
    this.now = e.time;
    if (e.node < 0) {
      this.dispatchWorld(e);
      return true;
    }
    const node = this.nodes[e.node];
    if (e.inc >= 0 && e.inc !== node.incarnation) return true;
    if (node.status === "paused") {
      node.deferred.push(e);
      return true;
    }
    this.dispatchNode(node, e);
    return true;
  }

  /** Runs until virtual time passes `t` or the run ends. */
  runUntil(t: number): void {
    for (;;) {
      const next = this.queue.peek();
      if (!next || next.time > t || this.phase === "end") return;
      this.step();
    }
  }

  runToEnd(): void {
    while (this.step());
  }

  private dispatchWorld(e: KernelEvent): void {
    switch (e.k) {
      case Kind.Fault:
        if (this.phase === "safety") applyFault(this, e.fault!, e.faultId!);
        return;
      case Kind.FaultEnd:
        endFault(this, e);
        return;
      case Kind.Resume:
        this.resume(this.nodes[this.nodeIndex(e.name!)], e.inc);
        return;
      case Kind.Phase:
        if (e.name === "heal") startHeal(this);
        else this.phase = "end";
        this.emit({ type: "phase", name: e.name });
        return;
    }
  }

  private dispatchNode(node: NodeData, e: KernelEvent): void {
    switch (e.k) {
      case Kind.Deliver:
        this.deliver(node, e.msg!);
        return;
      case Kind.ServiceDone:
        this.account(node);
        node.busy--;
        node.handled++;
        this.handle(node, e.msg!);
        this.admitWaiting(node);
        return;
      case Kind.Timer: {
        if (this.cancelledTimers.size > 0 && this.cancelledTimers.delete(e.timerId!)) return;
        const b = this.behaviors[node.index];
        if (b?.onTimer) b.onTimer(this.ctx.bind(node), e.name!, e.data);
        return;
      }
      case Kind.ConnClosed: {
        const b = this.behaviors[node.index];
        if (b?.onConnClosed) b.onConnClosed(this.ctx.bind(node), e.data as number, e.name!);
        return;
      }
    }
  }

  private deliver(node: NodeData, msg: Message): void {
    if (this.options.trackInflight) this.net.inflight.delete(msg.id);
    const lost = this.lostOnArrival(node, msg);
    if (lost) {
      this.emit(labelled({ type: "drop", node: node.id, from: msg.from, to: msg.to, msg: msg.id, mtype: msg.type, name: lost }, msg));
      return;
    }
    const fromHash = this.nodes[this.nodeIndex(msg.from)].idHash;
    this.trace.emitNet(this.now, "deliver", node.id, node.idHash, msg.from, fromHash, msg.to, node.idHash, msg.id, msg.type, msg.ref, msg.error);
    if (!node.capacity) return this.handle(node, msg);
    if (node.busy < node.capacity.concurrency) return this.startService(node, msg);
    if (node.waiting.length < node.capacity.queueLimit) {
      node.waiting.push(msg);
      if (node.waiting.length > node.maxWaiting) node.maxWaiting = node.waiting.length;
      this.checkOverload(node);
      return;
    }
    node.rejected++;
    this.emit(labelled({ type: "reject", node: node.id, from: msg.from, to: msg.to, msg: msg.id, mtype: msg.type }, msg));
    if (msg.type !== "rejected") this.ctx.bind(node).send(msg.from, "rejected", { msg: msg.id, type: msg.type, body: msg.body }, msg.ref ? { ref: msg.ref } : undefined);
  }

  /** Why a message arriving now is lost, or undefined when it arrives. */
  private lostOnArrival(node: NodeData, msg: Message): string | undefined {
    if (node.status === "crashed") return "node-down";
    if (this.net.partitions.length > 0 && networkCut(this.net, msg.from, msg.to)) return "partition";
    if (msg.conn !== undefined && !this.net.conns.get(msg.conn)?.open) return "conn-closed";
    return undefined;
  }

  private startService(node: NodeData, msg: Message): void {
    this.account(node);
    node.busy++;
    const rng = (this.svcRngs[node.index] ??= this.rngs.get(`svc:${node.id}`));
    const ms = distSample(node.capacity!.serviceMs, rng);
    this.pushMsg(this.now + ms, Kind.ServiceDone, node, msg);
  }

  private admitWaiting(node: NodeData): void {
    while (node.capacity && node.busy < node.capacity.concurrency && node.waiting.length > 0) {
      this.startService(node, node.waiting.shift()!);
    }
    this.checkOverload(node);
  }

  private checkOverload(node: NodeData): void {
    const over = node.waiting.length > 0.8 * node.capacity!.queueLimit;
    if (over !== node.overloaded) {
      node.overloaded = over;
      this.emit({ type: "state", node: node.id, name: over ? "overloaded" : "normal" });
    }
  }

  private account(node: NodeData): void {
    node.busyMs += node.busy * (this.now - node.lastBusyChange);
    node.lastBusyChange = this.now;
  }

  private handle(node: NodeData, msg: Message): void {
    const b = this.behaviors[node.index];
    if (b?.onMessage) b.onMessage(this.ctx.bind(node), msg);
  }

  private startNode(node: NodeData, first: boolean): void {
    const b = this.behaviors[node.index];
    const ctx = this.ctx.bind(node);
    if (first) node.durable = b?.initDurable ? b.initDurable(ctx) : {};
    node.volatile = b?.initVolatile ? b.initVolatile(ctx) : {};
    if (b?.onStart) b.onStart(ctx);
  }

  crash(node: NodeData): void {
    if (node.status === "crashed") return;
    this.account(node);
    node.status = "crashed";
    node.incarnation++;
    node.volatile = null;
    node.busy = 0;
    node.waiting = [];
    node.deferred = [];
    node.overloaded = false;
    this.emit({ type: "crash", node: node.id });
    for (const c of connectionsOf(this.net, node.id)) this.breakConn(c.id, "peer-crashed");
  }

  restart(node: NodeData): void {
    if (node.status !== "crashed") this.crash(node);
    node.status = "up";
    node.lastBusyChange = this.now;
    this.emit({ type: "restart", node: node.id });
    this.startNode(node, false);
  }

  pause(node: NodeData, until: number): void {
    if (node.status !== "up") return;
    node.status = "paused";
    node.pausedAt = this.now;
    this.emit({ type: "pause", node: node.id, data: { until } });
    this.pushWorld(until, Kind.Resume, node.id, { inc: node.incarnation });
  }

  /** Ends a pause: what fell due while frozen runs now, in its original order. */
  resume(node: NodeData, inc = node.incarnation): void {
    if (node.status !== "paused" || inc !== node.incarnation) return;
    node.status = "up";
    this.emit({ type: "resume", node: node.id, data: { pausedMs: this.now - node.pausedAt } });
    const due = node.deferred;
    node.deferred = [];
    for (const e of due) this.queue.push(Object.assign(newEvent(0, 0, 0, 0, 0), e, { time: this.now }));
  }

  /** Closes a connection; each live end hears of it after the detection delay. */
  breakConn(id: number, reason: string): void {
    const c = this.net.conns.get(id);
    if (!c || !c.open) return;
    c.open = false;
    this.net.conns.delete(id);
    this.emit({ type: "conn-close", from: c.a, to: c.b, name: reason, data: { conn: id } });
    const at = this.now + this.options.network.connBreakDetectMs;
    for (const [end, peer] of [
      [c.a, c.b],
      [c.b, c.a],
    ]) {
      const n = this.nodes[this.nodeIndex(end)];
      if (n.status !== "crashed") this.pushNode(at, Kind.ConnClosed, n, { name: peer, data: id });
    }
  }

  snapshot(): WorldSnapshot {
    const data: WorldData = {
      now: this.now,
      phase: this.phase,
      heap: this.queue.heap,
      nextSeq: this.queue.nextSeq,
      nodes: this.nodes,
      net: this.net,
      cancelledTimers: this.cancelledTimers,
      nextTimerId: this.nextTimerId,
      triggers: this.triggers,
    };
    return { data: structuredClone(data), rng: this.rngs.save(), trace: this.trace.save() };
  }

  restore(s: WorldSnapshot): void {
    const d = structuredClone(s.data);
    this.now = d.now;
    this.phase = d.phase;
    this.queue.heap = d.heap;
    this.queue.nextSeq = d.nextSeq;
    this.nodes = d.nodes;
    this.net = d.net;
    this.cancelledTimers = d.cancelledTimers;
    this.nextTimerId = d.nextTimerId;
    this.triggers = d.triggers;
    this.rngs = new RngStreams(this.options.seed, s.rng);
    this.netRng = this.rngs.get("net");
    this.nodeRngs = [];
    this.svcRngs = [];
    this.trace.restore(s.trace);
  }
}
