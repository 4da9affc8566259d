/**
 * The event queue: a binary min-heap ordered by (time, priority, sequence).
 * The sequence is the insertion counter, so ties always resolve the same
 * way. Cancellation is lazy: a cancelled event stays in the heap with its
 * flag set and is skipped when it reaches the top.
 *
 * The keys live in typed arrays beside the events (time in one, priority
 * and sequence folded into one number in the other), so sifting compares
 * numbers in contiguous memory instead of chasing event objects.
 */
export interface QueuedEvent {
  time: number;
  prio: number;
  seq: number;
  cancelled: boolean;
}

/** Sequence numbers stay below this (2^44 events), so prio * SPAN + seq is exact. */
const SEQ_SPAN = 2 ** 44;

export class EventQueue<E extends QueuedEvent> {
  private times = new Float64Array(1024);
  private keys = new Float64Array(1024);
  private events: (E | undefined)[] = new Array(1024);
  private n = 0;
  /** Next insertion sequence number. */
  nextSeq = 0;

  get size(): number {
    return this.n;
  }

  /** The events in heap order: plain data for snapshots. */
  get heap(): E[] {
    return this.events.slice(0, this.n) as E[];
  }

  /** Restores events saved in heap order (already a valid heap). */
  set heap(saved: E[]) {
    this.n = 0;
    while (this.times.length < saved.length) this.grow();
    for (const e of saved) {
      this.times[this.n] = e.time;
      this.keys[this.n] = e.prio * SEQ_SPAN + e.seq;
      this.events[this.n++] = e;
    }
    this.events.fill(undefined, this.n);
  }

  /** Adds an event, giving it the next sequence number. */
  push(e: E): E {
    e.seq = this.nextSeq++;
    e.cancelled = false;
    if (this.n === this.times.length) this.grow();
    const T = this.times;
    const K = this.keys;
    const ev = this.events;
    const time = e.time;
    const key = e.prio * SEQ_SPAN + e.seq;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = T[p];
      if (tp < time || (tp === time && K[p] < key)) break;
      T[i] = tp;
      K[i] = K[p];
      ev[i] = ev[p];
      i = p;
    }
    T[i] = time;
    K[i] = key;
    ev[i] = e;
    return e;
  }

  /** Removes and returns the earliest live event, skipping cancelled ones. */
  pop(): E | undefined {
    for (;;) {
      const top = this.popAny();
      if (!top || !top.cancelled) return top;
    }
  }

  /** Earliest live event without removing it. */
  peek(): E | undefined {
    while (this.n > 0 && this.events[0]!.cancelled) this.popAny();
    return this.n > 0 ? this.events[0] : undefined;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const t = new Float64Array(cap);
    t.set(this.times);
    this.times = t;
    const k = new Float64Array(cap);
    k.set(this.keys);
    this.keys = k;
    this.events.length = cap;
  }

  private popAny(): E | undefined {
    if (this.n === 0) return undefined;
    const T = this.times;
    const K = this.keys;
    const ev = this.events;
    const top = ev[0];
    const n = --this.n;
    const lt = T[n];
    const lk = K[n];
    const le = ev[n];
    ev[n] = undefined;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && (T[r] < T[l] || (T[r] === T[l] && K[r] < K[l])) ? r : l;
        const tc = T[c];
        if (tc > lt || (tc === lt && K[c] > lk)) break;
        T[i] = tc;
        K[i] = K[c];
        ev[i] = ev[c];
        i = c;
      }
      T[i] = lt;
      K[i] = lk;
      ev[i] = le;
    }
    return top;
  }
}
