import type { Behavior, NodeContext } from "../../../kernel/behavior.ts";
import type { Message } from "../../../kernel/types.ts";
import { clientOf, displayKey, storeOf, type ChatPlan } from "../plan.ts";
import type { ChatSettings } from "../settings.ts";
import type { Entry } from "../wire.ts";

type Body = Record<string, any>;

/**
 * An @mention for a user found offline: a push (through the notification
 * service where the design draws one, else straight from the platform's
 * push service, which the diagrams leave out). It only wakes the device.
 */
export function pushMentions(ctx: NodeContext<any, any>, plan: ChatPlan, user: string, entries: readonly Entry[] | undefined): void {
  if (!entries?.some((e) => e.mention || e.kind === "mention")) return;
  if (plan.notifier) return void ctx.send(plan.notifier, "notify", { user });
  ctx.observe("push.sent", { user: displayKey(plan, user), reason: "mention" });
  ctx.send(clientOf(plan, user), "wake", { user });
}

/**
 * The Connection DB: user -> server, a hint with a lifetime. Heartbeats
 * re-register; an entry not refreshed for ttlMs reads as a miss.
 */
export function registryBehavior(s: ChatSettings): Behavior<{ at: Record<string, { gw: string; exp: number }> }, object> {
  return {
    initDurable: () => ({ at: {} }),
    onMessage(ctx, msg: Message) {
      const b = msg.body as Body;
      const at = ctx.durable.at;
      if (msg.type === "register") {
        at[b.user] = { gw: msg.from, exp: ctx.now + s.ttlMs };
        if (b.cursor !== undefined) ctx.send(msg.from, "registered", b);
      } else if (msg.type === "unregister") {
        if (at[b.user]?.gw === msg.from) delete at[b.user];
      } else if (msg.type === "lookup") {
        const e = at[b.user];
        ctx.send(msg.from, "location", { rid: b.rid, gw: e && e.exp > ctx.now ? e.gw : null });
      }
    },
  };
}

interface WorkerVolatile {
  next: number;
  pending: Record<number, { user: string; entries: Entry[] }>;
}

/**
 * The Messaging Worker: looks the recipient's server up in the Connection
 * DB and forwards there. A miss leaves the message stored for a replay.
 */
export function workerBehavior(plan: ChatPlan): Behavior<object, WorkerVolatile> {
  return {
    initVolatile: () => ({ next: 1, pending: {} }),
    onMessage(ctx: NodeContext<object, WorkerVolatile>, msg: Message) {
      const b = msg.body as Body;
      const v = ctx.volatile;
      if (msg.type === "route") {
        const rid = v.next++;
        v.pending[rid] = { user: b.user, entries: b.entries };
        ctx.send(plan.registry!, "lookup", { user: b.user, rid });
      } else if (msg.type === "location") {
        const p = v.pending[b.rid];
        if (!p) return;
        delete v.pending[b.rid];
        if (!b.gw) {
          ctx.observe("route.offline", { user: displayKey(plan, p.user) });
          return pushMentions(ctx, plan, p.user, p.entries);
        }
        ctx.send(b.gw, "push", { user: p.user, entries: p.entries });
        // The bug: the registry is a hint, yet a hand-off is taken as delivery.
        if (ctx.variant === "trust-stale-registry") ctx.send(storeOf(plan, p.user), "delivered", { user: p.user, pos: Math.max(...p.entries.map((e) => e.pos)) });
      } else if (msg.type === "push.miss") pushMentions(ctx, plan, b.user, b.entries);
    },
  };
}

/** The notification service: a push only wakes the device; the replay delivers. */
export function notifierBehavior(plan: ChatPlan): Behavior {
  return {
    onMessage(ctx, msg: Message) {
      if (msg.type !== "notify") return;
      const user = (msg.body as Body).user as string;
      ctx.observe("push.sent", { user: displayKey(plan, user) });
      ctx.send(clientOf(plan, user), "wake", { user });
      ctx.send(msg.from, "notified", { user });
    },
  };
}

/** The load balancer spreads client requests over the API servers. */
export function balancerBehavior(plan: ChatPlan): Behavior {
  return {
    onMessage(ctx, msg: Message) {
      if (msg.type.startsWith("c.")) ctx.send(ctx.rng.pick(plan.api), msg.type, msg.body);
    },
  };
}
