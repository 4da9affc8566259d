/**
 * The trace: a typed record of everything observable in a run, and the
 * running hash that identifies the run. Checkers, metrics, triggered faults
 * and the UI read the trace, never a model's private state.
 */
export const TRACE_TYPES = [
  "send", // a node put a message on the network
  "deliver", // a message reached a live node
  "drop", // a message was lost (loss fault, partition, crashed target, broken connection)
  "duplicate", // the network delivered a second copy
  "reject", // a server's queue was full; the sender gets a `rejected` reply
  "fault", // a fault-schedule entry took effect (name = kind)
  "crash",
  "restart",
  "pause",
  "resume",
  "conn-open",
  "conn-close",
  "state", // a node's kernel-visible state changed (name: "overloaded" | "normal")
  "observe", // an application-level observation (name says what; data the details)
  "phase", // name: "safety" | "heal" | "end"
] as const;

export type TraceType = (typeof TRACE_TYPES)[number];

export interface TraceEvent {
  /** Index in the trace: what a UI seeks to and a violation points at. */
  readonly i: number;
  /** Virtual time, ms. */
  readonly t: number;
  readonly type: TraceType;
  /** The node where it happened (sender for send, receiver for deliver). */
  readonly node?: string;
  readonly from?: string;
  readonly to?: string;
  /** Network message id (send, deliver, drop, duplicate, reject). */
  readonly msg?: number;
  /** Message type, e.g. "produce" or "chat.send". */
  readonly mtype?: string;
  /** Observation name, fault kind, phase or state name. */
  readonly name?: string;
  readonly data?: Readonly<Record<string, unknown>>;
  /** Network events: what the message concerns, as the model labelled it (`{txnId, pid, epoch}`, `{mid}`). */
  readonly ref?: Readonly<Record<string, string | number>>;
  /** Network events: the error code a response carries. */
  readonly error?: string;
}

export type TraceInput = Omit<TraceEvent, "i" | "t">;
export type TraceListener = (event: TraceEvent) => void;

export const TYPE_CODE = new Map<string, number>(TRACE_TYPES.map((t, i) => [t, i + 1]));

const SEND_CODE = TYPE_CODE.get("send")!;
const DELIVER_CODE = TYPE_CODE.get("deliver")!;

/**
 * A 64-bit running hash in two 32-bit lanes, mixed from the binary fields
 * of each event (numbers as their IEEE-754 words, strings via a cached
 * 32-bit hash), so hashing never formats text.
 */
export class TraceHash {
  h1 = 0x9e3779b9;
  h2 = 0x85ebca6b;
  private static readonly f64 = new Float64Array(1);
  private static readonly u32 = new Uint32Array(TraceHash.f64.buffer);
  private static readonly strings = new Map<string, number>();

  mixInt(x: number): void {
    let k = Math.imul(x | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    let h = this.h1 ^ k;
    h = (h << 13) | (h >>> 19);
    this.h1 = (Math.imul(h, 5) + 0xe6546b64) | 0;
    let g = this.h2 ^ Math.imul(x | 0, 0x85ebca6b);
    g ^= g >>> 13;
    this.h2 = (Math.imul(g, 0xc2b2ae35) + this.h1) | 0;
  }

  mixNum(x: number): void {
    if (Number.isInteger(x) && x >= -0x80000000 && x <= 0x7fffffff) {
      this.mixInt(x);
      return;
    }
    TraceHash.f64[0] = x;
    this.mixInt(TraceHash.u32[0]);
    this.mixInt(TraceHash.u32[1]);
  }

  mixStr(s: string): void {
    this.mixInt(TraceHash.strHash(s));
  }

  /** The 32-bit FNV-1a hash of a string (cached: ids and types repeat). */
  static strHash(s: string): number {
    let h = TraceHash.strings.get(s);
    if (h === undefined) {
      h = 0x811c9dc5;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      if (TraceHash.strings.size < 100_000) TraceHash.strings.set(s, h);
    }
    return h;
  }

  mixValue(v: unknown): void {
    switch (typeof v) {
      case "number":
        this.mixNum(v);
        return;
      case "string":
        this.mixStr(v);
        return;
      case "boolean":
        this.mixInt(v ? 0x7f01 : 0x7f00);
        return;
      case "undefined":
        this.mixInt(0x7f02);
        return;
      case "object":
        if (v === null) this.mixInt(0x7f03);
        else if (Array.isArray(v)) {
          this.mixInt(0x7f04 + v.length);
          for (const x of v) this.mixValue(x);
        } else {
          for (const key in v as Record<string, unknown>) {
            this.mixStr(key);
            this.mixValue((v as Record<string, unknown>)[key]);
          }
        }
        return;
      default:
        this.mixInt(0x7f05);
    }
  }

  hex(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, "0") + (this.h2 >>> 0).toString(16).padStart(8, "0");
  }
}

export interface TraceOptions {
  /** Keep every event in memory ("all"), none, or the last N. Default "none". */
  readonly keep?: "all" | "none" | number;
}

export class Trace {
  count = 0;
  readonly hash = new TraceHash();
  /** Retained events (all, or a window ending at the latest). */
  readonly kept: TraceEvent[] = [];
  private readonly keepLimit: number;
  private readonly listeners: TraceListener[] = [];

  constructor(options: TraceOptions = {}) {
    const keep = options.keep ?? "none";
    this.keepLimit = keep === "all" ? Infinity : keep === "none" ? 0 : keep;
  }

  listen(listener: TraceListener): void {
    this.listeners.push(listener);
  }

  emit(t: number, input: TraceInput): TraceEvent {
    const e = input as TraceEvent & { i: number; t: number };
    e.i = this.count++;
    e.t = t;
    const h = this.hash;
    h.mixInt(TYPE_CODE.get(e.type)!);
    h.mixNum(t);
    if (e.node !== undefined) h.mixStr(e.node);
    if (e.from !== undefined) h.mixStr(e.from);
    if (e.to !== undefined) h.mixStr(e.to);
    if (e.msg !== undefined) h.mixInt(e.msg);
    if (e.mtype !== undefined) h.mixStr(e.mtype);
    if (e.name !== undefined) h.mixStr(e.name);
    if (e.data !== undefined) h.mixValue(e.data);
    if (e.ref !== undefined) {
      h.mixInt(0x7f10);
      h.mixValue(e.ref);
    }
    if (e.error !== undefined) {
      h.mixInt(0x7f11);
      h.mixStr(e.error);
    }
    if (this.keepLimit > 0) {
      this.kept.push(e);
      if (this.kept.length > this.keepLimit * 2) this.kept.splice(0, this.kept.length - this.keepLimit);
    }
    for (let k = 0; k < this.listeners.length; k++) this.listeners[k](e);
    return e;
  }

  /**
   * The hot path for network events (send, deliver): hashes exactly as
   * `emit` would, from string hashes the caller computed once, and builds
   * the event object only when a listener or the retained trace needs it
   * (or the message carries a `ref` or an `error`).
   */
  emitNet(
    t: number,
    type: "send" | "deliver",
    node: string,
    nodeHash: number,
    from: string,
    fromHash: number,
    to: string,
    toHash: number,
    msg: number,
    mtype: string,
    ref?: Readonly<Record<string, string | number>>,
    error?: string,
  ): void {
    if (this.listeners.length > 0 || this.keepLimit > 0 || ref !== undefined || error !== undefined) {
      const e: TraceInput = { type, node, from, to, msg, mtype };
      if (ref !== undefined) (e as { ref?: typeof ref }).ref = ref;
      if (error !== undefined) (e as { error?: string }).error = error;
      this.emit(t, e);
      return;
    }
    this.count++;
    const h = this.hash;
    h.mixInt(type === "send" ? SEND_CODE : DELIVER_CODE);
    h.mixNum(t);
    h.mixInt(nodeHash);
    h.mixInt(fromHash);
    h.mixInt(toHash);
    h.mixInt(msg);
    h.mixInt(TraceHash.strHash(mtype));
  }

  /** The retained events with index in [from, to). */
  range(from: number, to: number): TraceEvent[] {
    const first = this.count - this.kept.length;
    return this.kept.slice(Math.max(0, from - first), Math.max(0, to - first));
  }

  save(): { count: number; h1: number; h2: number } {
    return { count: this.count, h1: this.hash.h1, h2: this.hash.h2 };
  }

  /** Rewinds to a saved point; retained events after it are forgotten. */
  restore(saved: { count: number; h1: number; h2: number }): void {
    this.count = saved.count;
    this.hash.h1 = saved.h1;
    this.hash.h2 = saved.h2;
    const first = this.kept.length > 0 ? this.kept[0].i : 0;
    this.kept.length = Math.max(0, Math.min(this.kept.length, saved.count - first));
  }
}
