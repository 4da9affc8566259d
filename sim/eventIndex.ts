import type { TraceEvent } from "./kernel/trace.ts";

/** What a step can stop at besides "the next event". */
export type StepTarget = { readonly kind: "deliver" } | { readonly kind: "node"; readonly node: string };

const NO_NODE = 0xffff;
const DELIVER = 1;

/** A typed array that doubles when full. */
class Grow<A extends Uint8Array | Uint16Array> {
  length = 0;
  constructor(public data: A, private readonly make: (n: number) => A) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * A compact record of every trace event of a run (a byte for its kind, two
 * for its node), so the UI can step to the next delivery or the next event
 * at a node without replaying: 3 bytes an event, 3 MB for a million.
 * Also counts deliveries per millisecond, for the run's busy window.
 */
export class EventIndex {
  private readonly kinds = new Grow(new Uint8Array(1024), (n) => new Uint8Array(n));
  private readonly nodes = new Grow(new Uint16Array(1024), (n) => new Uint16Array(n));
  private readonly deliveriesPerMs: number[] = [];

  constructor(private readonly nodeIndex: (id: string) => number) {}

  record(e: TraceEvent): void {
    const deliver = e.type === "deliver";
    this.kinds.push(deliver ? DELIVER : 0);
    const n = e.node === undefined ? -1 : this.nodeIndex(e.node);
    this.nodes.push(n < 0 ? NO_NODE : n);
    if (deliver) {
      const ms = Math.floor(e.t);
      while (this.deliveriesPerMs.length <= ms) this.deliveriesPerMs.push(0);
      this.deliveriesPerMs[ms]++;
    }
  }

  get count(): number {
    return this.kinds.length;
  }

  /** The first event after `from` (or before it, `dir` -1) that matches; null when none. */
  find(from: number, dir: 1 | -1, target: StepTarget): number | null {
    const kinds = this.kinds.data;
    const nodes = this.nodes.data;
    const want = target.kind === "node" ? this.nodeIndex(target.node) : -1;
    if (target.kind === "node" && want < 0) return null;
    for (let i = from + dir; i >= 0 && i < this.count; i += dir) {
      if (target.kind === "deliver" ? kinds[i] === DELIVER : nodes[i] === want) return i;
    }
    return null;
  }

  /**
   * The shortest span of whole milliseconds holding `share` of the run's
   * deliveries: where the traffic is, what playback should show at a
   * watchable pace. Null for a run that delivered nothing.
   */
  busyWindow(share = 0.8): { fromMs: number; toMs: number } | null {
    const d = this.deliveriesPerMs;
    const total = d.reduce((a, b) => a + b, 0);
    if (total === 0) return null;
    const need = Math.ceil(total * share);
    let best = { fromMs: 0, toMs: d.length };
    let sum = 0;
    let lo = 0;
    for (let hi = 0; hi < d.length; hi++) {
      sum += d[hi];
      while (sum - d[lo] >= need) sum -= d[lo++];
      if (sum >= need && hi + 1 - lo < best.toMs - best.fromMs) best = { fromMs: lo, toMs: hi + 1 };
    }
    return best;
  }
}
