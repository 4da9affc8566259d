import seedrandom from "seedrandom";
import { expDraw, clientStream, hopStream, stopwatch, type ModelParams, type ModelResult } from "./model.ts";

/**
 * The ceiling: the reference workload as a bare loop over a (time, seq)
 * binary min-heap of plain event objects, with a FIFO array per server.
 * Same events as the kernel (client timer, arrival after the network
 * latency, service done), same draws from the same streams.
 */
const TIMER = 0;
const ARRIVE = 1;
const DONE = 2;

interface Ev {
  time: number;
  seq: number;
  kind: number;
  /** Client index (TIMER) or hop index (ARRIVE, DONE). */
  who: number;
  /** When the client sent the message. */
  t0: number;
}

export function runBare(p: ModelParams): ModelResult {
  const stop = stopwatch();
  const heap: Ev[] = [];
  let seq = 0;

  const push = (time: number, kind: number, who: number, t0: number): void => {
    const e: Ev = { time, seq: seq++, kind, who, t0 };
    let i = heap.length;
    heap.push(e);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const q = heap[parent];
      if (q.time < time || (q.time === time && q.seq < e.seq)) break;
      heap[i] = q;
      i = parent;
    }
    heap[i] = e;
  };

  const pop = (): Ev => {
    const top = heap[0];
    const last = heap.pop()!;
    const size = heap.length;
    if (size > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        let c = l;
        if (r < size) {
          const a = heap[r];
          const b = heap[l];
          if (a.time < b.time || (a.time === b.time && a.seq < b.seq)) c = r;
        }
        const ce = heap[c];
        if (ce.time > last.time || (ce.time === last.time && ce.seq > last.seq)) break;
        heap[i] = ce;
        i = c;
      }
      heap[i] = last;
    }
    return top;
  };

  const clientRng = Array.from({ length: p.clients }, (_, i) => seedrandom.alea(clientStream(p, i)));
  const svcRng = Array.from({ length: p.hops }, (_, h) => seedrandom.alea(hopStream(p, h)));
  const sent = new Int32Array(p.clients);
  const busy = new Uint8Array(p.hops);
  const waiting: number[][] = Array.from({ length: p.hops }, () => []);
  const lastHop = p.hops - 1;

  for (let c = 0; c < p.clients; c++) push(expDraw(clientRng[c], p.gapMs), TIMER, c, 0);

  let events = 0;
  let done = 0;
  let latencySum = 0;
  while (heap.length > 0) {
    const e = pop();
    events++;
    const now = e.time;
    const who = e.who;
    switch (e.kind) {
      case TIMER:
        push(now + p.latencyMs, ARRIVE, 0, now);
        if (++sent[who] < p.perClient) push(now + expDraw(clientRng[who], p.gapMs), TIMER, who, 0);
        break;
      case ARRIVE:
        if (busy[who] === 0) {
          busy[who] = 1;
          push(now + expDraw(svcRng[who], p.serviceMs), DONE, who, e.t0);
        } else waiting[who].push(e.t0);
        break;
      case DONE: {
        if (who < lastHop) push(now + p.latencyMs, ARRIVE, who + 1, e.t0);
        else {
          done++;
          latencySum += now - e.t0;
        }
        const q = waiting[who];
        if (q.length > 0) push(now + expDraw(svcRng[who], p.serviceMs), DONE, who, q.shift()!);
        else busy[who] = 0;
        break;
      }
    }
  }
  return { messages: done, events, latencySum, ...stop() };
}
