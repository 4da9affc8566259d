import type { Behavior, NodeContext } from "../../../kernel/behavior.ts";
import type { LogPlan } from "../plan.ts";
import { request, rpcInit, type Tag, takeReply, takeTimeout } from "../rpc.ts";
import type { LogRecord } from "../wire.ts";
import { metaInit, onMetadata } from "./metadata.ts";
import { enqueue, onProduceResponse, onResendTimer, senderInit, senderReset } from "./sender.ts";
import { txnBegin, txnInit, txnInitState, txnOnResponse, txnProduced, txnRetry, type TxnHooks, type WithTxn } from "./txn.ts";

/**
 * A producer writing its share of the workload to topic `in`: idempotent
 * (InitProducerId from any broker, then sequenced batches) or transactional
 * (transactions of txnRecords records over the partitions, some aborted).
 */
interface ProducerDurable {
  boots: number;
  /** Records created so far: a restarted producer goes on with new ones. */
  made: number;
}

type Ctx = NodeContext<ProducerDurable, WithTxn>;

export function producerBehavior(id: string, plan: LogPlan): Behavior<ProducerDurable, WithTxn> {
  const s = plan.settings;
  const n = Math.max(1, plan.producers.length);
  const rank = plan.producers.indexOf(id);
  const quota = Math.floor(s.messages / n) + (rank >= 0 && rank < s.messages % n ? 1 : 0);
  const gapMs = (1000 * n) / s.ratePerSec;
  const parts = plan.topics.in;
  const transactional = s.producerMode === "transactional";

  const make = (ctx: Ctx): { p: string; rec: LogRecord } => {
    const k = ctx.durable.made++;
    const p = parts[(k + rank) % parts.length];
    const rec = { id: `${id}#${k}`, value: { t: ctx.now } };
    ctx.observe("log.send", { id: rec.id, partition: p });
    return { p, rec };
  };
  const nextTxn = (ctx: Ctx) => {
    const count = Math.min(s.txnRecords, quota - ctx.durable.made);
    if (count <= 0) return;
    const writes: Record<string, LogRecord[]> = {};
    for (let i = 0; i < count; i++) {
      const { p, rec } = make(ctx);
      (writes[p] ??= []).push(rec);
    }
    txnBegin(ctx, plan, writes, null, !ctx.rng.chance(s.abortRate));
  };
  const hooks: TxnHooks = {
    ready: (ctx) => nextTxn(ctx as Ctx),
    ended: (ctx) => void ctx.setTimer(ctx.rng.exp(gapMs * s.txnRecords), "txn.next"),
    fatal: (ctx) => txnInit(ctx, plan),
  };
  const initIdempotent = (ctx: Ctx) => {
    const host = plan.brokers[ctx.rng.int(plan.brokers.length)];
    request(ctx, host, "InitProducerId", {}, { kind: "pid" }, s.requestTimeoutMs);
  };
  const onResponse = (ctx: Ctx, tag: Tag, body: any) => {
    if (tag.kind === "meta") return onMetadata(ctx, body);
    if (tag.kind === "txn") return txnOnResponse(ctx, plan, tag, body, hooks);
    if (tag.kind === "pid") {
      if (body.error) return initIdempotent(ctx);
      senderReset(ctx.volatile.send, body.pid, body.epoch);
      return void ctx.setTimer(ctx.rng.exp(gapMs), "make");
    }
    if (tag.kind === "produce") {
      const out = onProduceResponse(ctx, plan, tag as never, body);
      if (transactional && out && "fatal" in out) return hooks.fatal(ctx, out.fatal);
      if (transactional) txnProduced(ctx, plan);
    }
  };
  return {
    initDurable: () => ({ boots: 0, made: 0 }),
    initVolatile: () => ({ rpc: rpcInit(), meta: metaInit(plan), send: senderInit(), txn: txnInitState(`txn-${id}`) }),
    onStart(ctx) {
      ctx.durable.boots++;
      ctx.volatile.rpc = rpcInit(ctx.durable.boots);
      if (transactional) txnInit(ctx, plan);
      else initIdempotent(ctx);
    },
    onMessage(ctx, msg) {
      const r = takeReply(ctx, msg);
      if (r) onResponse(ctx, r.tag, r.body);
    },
    onTimer(ctx, name, data: any) {
      if (name === "rpc.timeout") {
        const r = takeTimeout(ctx, data);
        if (r) onResponse(ctx, r.tag, r.body);
      } else if (name === "make" && ctx.durable.made < quota) {
        const { p, rec } = make(ctx);
        enqueue(ctx, plan, p, [rec]);
        if (ctx.durable.made < quota) ctx.setTimer(ctx.rng.exp(gapMs), "make");
      } else if (name === "txn.next" && ctx.volatile.txn.phase === "ready") nextTxn(ctx);
      else if (name === "txn.retry") txnRetry(ctx, plan, data);
      else if (name === "send.resend") onResendTimer(ctx, plan, data);
    },
  };
}
