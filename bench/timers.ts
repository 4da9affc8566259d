import type { Behavior } from "../sim/kernel/behavior.ts";
import { World } from "../sim/kernel/world.ts";
import { stopwatch } from "./model.ts";

export interface TimersResult {
  readonly pending: number;
  readonly events: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** The kernel's event-queue size when the timed part ended. */
  readonly heapSize: number;
  readonly setupMs: number;
}

/**
 * "100k pending timers": nodes keep `pending` timers armed at all times;
 * each firing re-arms one with a random (exponential) delay. Measures the
 * kernel's timer path and its heap at a large size. The first `warmup`
 * events run untimed on the same world.
 */
export function runTimers(pending: number, events: number, warmup: number, nodes = 100): TimersResult {
  const t0 = performance.now();
  const perNode = Math.ceil(pending / nodes);
  const meanMs = 1000;
  const ticker: Behavior = {
    onStart(ctx) {
      for (let k = 0; k < perNode; k++) ctx.setTimer(ctx.rng.exp(meanMs), "tick");
    },
    onTimer(ctx) {
      ctx.setTimer(ctx.rng.exp(meanMs), "tick");
    },
  };
  const world = new World({
    seed: 7,
    nodes: Array.from({ length: nodes }, (_, i) => ({ id: `ticker-${i + 1}`, role: "api-server" as const, capacity: null, behavior: ticker })),
    network: { latencyMs: 1, connBreakDetectMs: 100 },
    faults: [],
    safetyMs: 1e15,
    healMs: 0,
  });
  for (let i = 0; i < warmup; i++) world.step();
  const setupMs = performance.now() - t0;
  const stop = stopwatch();
  for (let i = 0; i < events; i++) world.step();
  return { pending: perNode * nodes, events, ...stop(), heapSize: world.queue.size, setupMs };
}
