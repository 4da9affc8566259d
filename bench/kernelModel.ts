import type { Behavior } from "../sim/kernel/behavior.ts";
import { World, type WorldNode } from "../sim/kernel/world.ts";
import { clientId, hopId, stopwatch, type ModelParams, type ModelResult } from "./model.ts";

export interface KernelResult extends ModelResult {
  readonly traceCount: number;
  readonly traceHash: string;
}

/** The reference workload on msgsim's kernel: a World of clients and api-servers. */
export function runKernel(p: ModelParams): KernelResult {
  const stop = stopwatch();
  const hopIds = Array.from({ length: p.hops }, (_, h) => hopId(h));
  const first = hopIds[0];

  const client: Behavior<unknown, { sent: number }> = {
    initVolatile: () => ({ sent: 0 }),
    onStart(ctx) {
      ctx.setTimer(ctx.rng.exp(p.gapMs), "send");
    },
    onTimer(ctx) {
      ctx.send(first, "req", ctx.now);
      if (++ctx.volatile.sent < p.perClient) ctx.setTimer(ctx.rng.exp(p.gapMs), "send");
    },
  };
  const hop = (h: number): Behavior<{ done: number; latencySum: number }> => ({
    initDurable: () => ({ done: 0, latencySum: 0 }),
    onMessage(ctx, msg) {
      if (h + 1 < p.hops) ctx.send(hopIds[h + 1], "req", msg.body);
      else {
        ctx.durable.done++;
        ctx.durable.latencySum += ctx.now - (msg.body as number);
      }
    },
  });

  const nodes: WorldNode[] = [];
  for (let i = 0; i < p.clients; i++) nodes.push({ id: clientId(i), role: "client", capacity: null, behavior: client });
  for (let h = 0; h < p.hops; h++) {
    const capacity = { serviceMs: { dist: "exp" as const, mean: p.serviceMs }, concurrency: 1, queueLimit: 1e9 };
    nodes.push({ id: hopIds[h], role: "api-server", capacity, behavior: hop(h) });
  }
  const world = new World({
    seed: p.seed,
    nodes,
    network: { latencyMs: p.latencyMs, connBreakDetectMs: 100 },
    faults: [],
    safetyMs: 1e15,
    healMs: 0,
  });

  let events = 0;
  while (world.step()) events++;
  const last = world.nodes[world.nodeIndex(hopIds[p.hops - 1])].durable as { done: number; latencySum: number };
  return {
    messages: last.done,
    events,
    latencySum: last.latencySum,
    ...stop(),
    traceCount: world.trace.count,
    traceHash: world.trace.hash.hex(),
  };
}
