import type { Behavior, NodeContext } from "../../../kernel/behavior.ts";
import type { Message } from "../../../kernel/types.ts";
import { displayKey, storeOf, type ChatPlan } from "../plan.ts";
import type { ChatSettings } from "../settings.ts";
import type { ChatMsg } from "../wire.ts";

/**
 * A small durable message queue behind a narrow interface (append ->
 * appended; in-order delivery to the store with a committed offset that
 * moves only on the store's answer). Stands in for the log model until the
 * chat model can use it.
 */
interface QueueDurable {
  log: ChatMsg[];
  index: Record<string, number>;
  committed: number;
}
interface QueueVolatile {
  sentAt: Record<number, number>;
  done: Record<number, true>;
}
type Ctx = NodeContext<QueueDurable, QueueVolatile>;

const WINDOW = 64;
const PUMP_MS = 20;

export function queueBehavior(plan: ChatPlan, s: ChatSettings): Behavior<QueueDurable, QueueVolatile> {
  function pump(ctx: Ctx): void {
    const d = ctx.durable;
    const v = ctx.volatile;
    const end = Math.min(d.log.length, d.committed + WINDOW);
    for (let o = d.committed; o < end; o++) {
      if (v.done[o] || (v.sentAt[o] ?? -Infinity) > ctx.now - s.retryMs) continue;
      v.sentAt[o] = ctx.now;
      ctx.send(storeOf(plan, d.log[o].to), "persist", { m: d.log[o], via: { client: "", offset: o } });
    }
  }

  function onAppend(ctx: Ctx, msg: Message): void {
    const { m, via } = msg.body as { m: ChatMsg; via: unknown };
    const d = ctx.durable;
    if (d.index[m.mid] !== undefined) ctx.observe("msg.dedup", { mid: m.mid });
    else {
      d.index[m.mid] = d.log.length;
      d.log.push(m);
      ctx.observe("msg.persist", { mid: m.mid, recipients: [displayKey(plan, m.to)] });
      pump(ctx);
    }
    ctx.send(msg.from, "appended", { mid: m.mid, seq: 0, m, via });
  }

  function onStored(ctx: Ctx, offset: number): void {
    const d = ctx.durable;
    if (offset < d.committed) return;
    ctx.volatile.done[offset] = true;
    while (ctx.volatile.done[d.committed]) delete ctx.volatile.done[d.committed++];
    pump(ctx);
  }

  return {
    initDurable: () => ({ log: [], index: {}, committed: 0 }),
    initVolatile: () => ({ sentAt: {}, done: {} }),
    onStart: (ctx) => void ctx.setTimer(PUMP_MS, "pump"),
    onTimer(ctx) {
      pump(ctx);
      ctx.setTimer(PUMP_MS, "pump");
    },
    onMessage(ctx, msg) {
      if (msg.type === "append") onAppend(ctx, msg);
      else if (msg.type === "persisted") onStored(ctx, (msg.body as { via: { offset: number } }).via.offset);
    },
  };
}
