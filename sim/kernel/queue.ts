/**
 * The event queue: a binary min-heap ordered by (time, priority, sequence).
 * The sequence is the insertion counter, so ties always resolve the same
 * way. Cancellation is lazy: a cancelled event stays in the heap with its
 * flag set and is skipped when it reaches the top.
 */
export interface QueuedEvent {
  time: number;
  prio: number;
  seq: number;
  cancelled: boolean;
}

function before(a: QueuedEvent, b: QueuedEvent): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.prio !== b.prio) return a.prio < b.prio;
  return a.seq < b.seq;
}

export class EventQueue<E extends QueuedEvent> {
  /** The heap array; plain data so a snapshot can clone it. */
  heap: E[] = [];
  /** Next insertion sequence number. */
  nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(event: Omit<E, "seq" | "cancelled"> & Partial<QueuedEvent>): E {
    const e = event as E;
    e.seq = this.nextSeq++;
    e.cancelled = false;
    const heap = this.heap;
    let i = heap.length;
    heap.push(e);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (!before(e, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = e;
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
    while (this.heap.length > 0 && this.heap[0].cancelled) this.popAny();
    return this.heap[0];
  }

  private popAny(): E | undefined {
    const heap = this.heap;
    const n = heap.length;
    if (n === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    if (n > 1) {
      const size = n - 1;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const c = r < size && before(heap[r], heap[l]) ? r : l;
        if (!before(heap[c], last)) break;
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }
}
