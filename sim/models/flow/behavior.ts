import type { Behavior, NodeContext } from "../../kernel/behavior.ts";
import type { Message } from "../../kernel/types.ts";
import type { ModelSetup } from "../../model.ts";
import type { Routes } from "./routes.ts";
import { seenAdd, seenHas, type SeenWindow } from "./seen.ts";

/** A message travelling hop by hop from its origin to its destination. */
interface FlowMsg {
  readonly mid: string;
  /** The message's number at its origin (mid is `<origin>#<n>`). */
  readonly n: number;
  readonly origin: string;
  readonly dest: string;
  readonly sentAt: number;
}

interface SourceDurable {
  sent: number;
  pending: Record<string, { n: number; dest: string; sentAt: number; attempts: number }>;
  /** Per origin: the message numbers already shown (destinations only). */
  seen: Record<string, SeenWindow>;
}

interface FlowSettings {
  readonly quota: number;
  readonly meanGapMs: number;
  readonly retryMs: number;
}

function settingsFor(node: string, setup: ModelSetup, routes: Routes): FlowSettings {
  const w = setup.workload;
  const sources = routes.sources.length;
  const messages = Number(w.messages);
  const rank = routes.sources.indexOf(node);
  const quota = Math.floor(messages / sources) + (rank >= 0 && rank < messages % sources ? 1 : 0);
  return { quota, meanGapMs: (1000 * sources) / Number(w.ratePerSec), retryMs: Number(w.retryMs) };
}

function forward(ctx: NodeContext, m: FlowMsg, routes: Routes): void {
  const hops = routes.nextHops.get(ctx.id)?.get(m.dest) ?? [];
  if (hops.length > 0) ctx.send(ctx.rng.pick(hops), "flow.msg", m);
}

function transmit(ctx: NodeContext<SourceDurable>, mid: string, routes: Routes, retryMs: number): void {
  const p = ctx.durable.pending[mid];
  p.attempts++;
  forward(ctx, { mid, n: p.n, origin: ctx.id, dest: p.dest, sentAt: p.sentAt }, routes);
  if (ctx.variant === "no-retry") return;
  const backoff = Math.min(8, 2 ** (p.attempts - 1));
  ctx.setTimer(retryMs * backoff * (0.8 + 0.4 * ctx.rng.next()), "retry", mid);
}

/**
 * Every node of the generic flow model: sources send, every node forwards
 * toward the destination, destinations show the message once and ack the
 * origin directly; sources retry until acked.
 */
export function flowBehavior(node: string, setup: ModelSetup, routes: Routes): Behavior<SourceDurable, object> {
  const settings = settingsFor(node, setup, routes);
  const isSource = routes.sources.includes(node);
  return {
    initDurable: () => ({ sent: 0, pending: {}, seen: {} }),
    initVolatile: () => ({}),
    onStart(ctx) {
      if (!isSource) return;
      if (ctx.variant !== "no-retry") for (const mid of Object.keys(ctx.durable.pending)) ctx.setTimer(ctx.rng.next() * settings.retryMs, "retry", mid);
      if (ctx.durable.sent < settings.quota) ctx.setTimer(ctx.rng.exp(settings.meanGapMs), "send");
    },
    onTimer(ctx, name, data) {
      if (name === "send") {
        const d = ctx.durable;
        const n = d.sent++;
        const mid = `${ctx.id}#${n}`;
        const dest = ctx.rng.pick(routes.sinks.get(ctx.id)!);
        d.pending[mid] = { n, dest, sentAt: ctx.now, attempts: 0 };
        ctx.observe("msg.send", { mid });
        ctx.observe("msg.accepted", { mid, recipients: [dest] });
        transmit(ctx, mid, routes, settings.retryMs);
        if (d.sent < settings.quota) ctx.setTimer(ctx.rng.exp(settings.meanGapMs), "send");
      } else if (name === "retry" && ctx.durable.pending[data as string]) {
        transmit(ctx, data as string, routes, settings.retryMs);
      }
    },
    onMessage(ctx, msg: Message) {
      if (msg.type === "flow.ack") {
        const mid = (msg.body as { mid: string }).mid;
        if (ctx.durable.pending[mid]) {
          delete ctx.durable.pending[mid];
          ctx.observe("msg.ack", { mid });
        }
        return;
      }
      if (msg.type !== "flow.msg") return;
      const m = msg.body as FlowMsg;
      if (m.dest !== ctx.id) return forward(ctx, m, routes);
      const seen = (ctx.durable.seen[m.origin] ??= { below: 0, above: [] });
      if (!seenHas(seen, m.n) || ctx.variant === "no-client-dedup") {
        seenAdd(seen, m.n);
        ctx.observe("msg.display", { mid: m.mid, latencyMs: ctx.now - m.sentAt });
      }
      ctx.send(m.origin, "flow.ack", { mid: m.mid });
    },
  };
}
