import type { Behavior } from "../../sim/kernel/behavior.ts";
import type { TraceEvent } from "../../sim/kernel/trace.ts";
import { World } from "../../sim/kernel/world.ts";
import type { FaultSchedule } from "../../sim/scenario/faults.ts";

/**
 * A small chatty world for kernel tests: every node pings random peers on a
 * timer (some over a connection), answers pings, and counts what it got.
 */
export function chatterBehavior(peers: readonly string[]): Behavior<{ got: number }, { conn: number; sent: number }> {
  return {
    initDurable: () => ({ got: 0 }),
    initVolatile: () => ({ conn: -1, sent: 0 }),
    onStart(ctx) {
      ctx.setTimer(ctx.rng.exp(5), "tick");
    },
    onTimer(ctx, name) {
      if (name !== "tick") return;
      const others = peers.filter((p) => p !== ctx.id);
      const to = ctx.rng.pick(others);
      if (ctx.rng.chance(0.3)) {
        if (!ctx.connOpen(ctx.volatile.conn)) ctx.volatile.conn = ctx.connect(to);
        ctx.send(to, "stream", { n: ctx.volatile.sent++ }, { conn: ctx.volatile.conn });
      } else ctx.send(to, "ping", { n: ctx.volatile.sent++ });
      const t = ctx.setTimer(ctx.rng.exp(5), "tick");
      if (ctx.rng.chance(0.05)) {
        ctx.cancelTimer(t);
        ctx.setTimer(1, "tick");
      }
    },
    onMessage(ctx, msg) {
      ctx.durable.got++;
      if (msg.type === "ping") ctx.send(msg.from, "pong", msg.body);
      if (msg.type === "stream") ctx.observe("stream", { from: msg.from, n: (msg.body as { n: number }).n, conn: msg.conn });
    },
  };
}

export interface ChatterOptions {
  seed: number;
  nodes?: number;
  faults?: FaultSchedule;
  safetyMs?: number;
  healMs?: number;
  capacity?: boolean;
  keep?: boolean;
}

export function chatterWorld(o: ChatterOptions): { world: World; events: TraceEvent[] } {
  const ids = Array.from({ length: o.nodes ?? 4 }, (_, i) => `node-${i + 1}`);
  const events: TraceEvent[] = [];
  const world = new World({
    seed: o.seed,
    nodes: ids.map((id) => ({
      id,
      role: "gateway" as const,
      capacity: o.capacity ? { serviceMs: { dist: "exp", mean: 2 }, concurrency: 1, queueLimit: 3 } : null,
      behavior: chatterBehavior(ids),
    })),
    network: { latencyMs: { dist: "uniform", min: 1, max: 10 }, connBreakDetectMs: 20 },
    faults: o.faults ?? [],
    safetyMs: o.safetyMs ?? 500,
    healMs: o.healMs ?? 100,
    listeners: o.keep === false ? [] : [(e) => events.push(e)],
  });
  return { world, events };
}
