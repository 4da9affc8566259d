import type { Behavior, NodeContext } from "../../../kernel/behavior.ts";
import type { Message } from "../../../kernel/types.ts";
import { metaInit, onMetadata } from "../../log/client/metadata.ts";
import { enqueue, onProduceResponse, onResendTimer, senderInit, senderReset, type WithSender } from "../../log/client/sender.ts";
import { request, rpcInit, takeReply, takeTimeout, type Tag } from "../../log/rpc.ts";
import { displayKey, partitionOf, type ChatPlan } from "../plan.ts";
import type { ChatMsg, Via } from "../wire.ts";
import { ackSender, serviceBehavior } from "./service.ts";

/**
 * The API server of diagram 003: it takes a send over HTTP and produces it
 * to the message queue (the log model) as an idempotent producer
 * (InitProducerId, then sequenced batches, acks=all). The log's answer means
 * the record is on `minIsr` replicas: only then is the message persisted
 * and the sender acknowledged. Everything else it is asked goes to the
 * shared service code.
 */
interface ApiDurable {
  boots: number;
}

interface ApiVolatile extends WithSender {
  /** The producer has its id; until then sends wait. */
  ready: boolean;
  /** Sends the log has not acknowledged yet, with every request to answer (a client may retry meanwhile). */
  waiting: Record<string, { m: ChatMsg; vias: Via[] }>;
}

type Ctx = NodeContext<ApiDurable, ApiVolatile>;

/** Pause before asking again for a producer id after an error. */
const PID_RETRY_MS = 50;

export function apiServerBehavior(plan: ChatPlan): Behavior<ApiDurable, ApiVolatile> {
  const log = plan.log!;
  const service = serviceBehavior(plan) as unknown as Behavior<ApiDurable, ApiVolatile>;

  function askPid(ctx: Ctx): void {
    ctx.volatile.ready = false;
    request(ctx, log.brokers[ctx.rng.int(log.brokers.length)], "InitProducerId", {}, { kind: "pid" }, log.settings.requestTimeoutMs);
  }

  function produce(ctx: Ctx, m: ChatMsg): void {
    enqueue(ctx, log, partitionOf(plan, m.to), [{ id: m.mid, value: m }]);
  }

  function onSend(ctx: Ctx, m: ChatMsg, via: Via): void {
    // The bug: tell the sender "stored" before the log said so.
    if (ctx.variant === "ack-before-persist") ackSender(ctx, plan, m, 0, via);
    const w = ctx.volatile.waiting[m.mid];
    if (w) {
      if (!w.vias.some((x) => x.client === via.client && x.conn === via.conn)) w.vias.push(via);
      return;
    }
    ctx.volatile.waiting[m.mid] = { m, vias: [via] };
    if (ctx.volatile.ready) produce(ctx, m);
  }

  function durable(ctx: Ctx, id: string): void {
    const w = ctx.volatile.waiting[id];
    if (!w) return;
    delete ctx.volatile.waiting[id];
    ctx.observe("msg.persist", { mid: w.m.mid, recipients: [displayKey(plan, w.m.to)] });
    if (ctx.variant !== "ack-before-persist") for (const via of w.vias) ackSender(ctx, plan, w.m, 0, via);
  }

  function onReply(ctx: Ctx, tag: Tag, body: any): void {
    if (tag.kind === "meta") return onMetadata(ctx, body);
    if (tag.kind === "pid") {
      if (body.error) return void ctx.setTimer(PID_RETRY_MS, "pid.retry");
      senderReset(ctx.volatile.send, body.pid, body.epoch);
      ctx.volatile.ready = true;
      for (const { m } of Object.values(ctx.volatile.waiting)) produce(ctx, m);
      return;
    }
    if (tag.kind !== "produce") return;
    const out = onProduceResponse(ctx, log, tag as never, body);
    if (!out) return;
    // A fatal producer error (an unknown or fenced producer id): start again with a new id; the store deduplicates by message id.
    if ("fatal" in out) return askPid(ctx);
    for (const r of out.acked) durable(ctx, r.id);
  }

  return {
    initDurable: () => ({ boots: 0 }),
    initVolatile: (ctx) => ({ ...service.initVolatile!(ctx), rpc: rpcInit(), meta: metaInit(log), send: senderInit(), ready: false, waiting: {} }),
    onStart(ctx) {
      ctx.durable.boots++;
      ctx.volatile.rpc = rpcInit(ctx.durable.boots);
      askPid(ctx);
    },
    onMessage(ctx, msg: Message) {
      const r = takeReply(ctx, msg);
      if (r) return onReply(ctx, r.tag, r.body);
      const b = msg.body as { m: ChatMsg; client?: string };
      if (msg.type === "c.send") return onSend(ctx, b.m, { client: b.client ?? msg.from, conn: msg.conn });
      service.onMessage!(ctx, msg);
    },
    onTimer(ctx, name, data: any) {
      if (name === "rpc.timeout") {
        const r = takeTimeout(ctx, data);
        if (r) onReply(ctx, r.tag, r.body);
      } else if (name === "send.resend") onResendTimer(ctx, log, data);
      else if (name === "pid.retry") askPid(ctx);
    },
    onConnClosed: service.onConnClosed,
  };
}
