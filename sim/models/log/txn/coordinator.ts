import type { Message } from "../../../kernel/types.ts";
import { writeRecord } from "../coordinatorLog.ts";
import { reply } from "../rpc.ts";
import { offsetsOf } from "../wire.ts";
import { completeOrMark, fenceAbort } from "./markers.ts";
import { isComplete, isPrepare } from "./states.ts";
import { PID_BASE, type TcCtx, type TcEnv, type Then, type TxnMeta } from "./state.ts";

/**
 * The transaction coordinator's request handling (rules 6-10, 13): every
 * change is first written to `__transaction_state`; the reply (and the next
 * step) waits until the write is durable.
 */
export function transition(ctx: TcCtx, env: TcEnv, next: TxnMeta, then: Then, msg?: Message): void {
  const v = ctx.volatile;
  const from = v.txns[next.txnId]?.state ?? "none";
  v.busy[next.txnId] = true;
  const data = { txnId: next.txnId, pid: next.pid, epoch: next.epoch, from, to: next.state, partitions: next.partitions, coordEpoch: v.clog.coordEpoch };
  const id = writeRecord(ctx, env.plan, { value: next, observe: { name: "txn.state", data } });
  v.conts[id] = { txnId: next.txnId, next, then, msg };
}

/** The write is durable: adopt the state and take the next step. */
export function onWritten(ctx: TcCtx, env: TcEnv, recId: string): void {
  const v = ctx.volatile;
  const c = v.conts[recId];
  if (!c) return;
  delete v.conts[recId];
  delete v.busy[c.txnId];
  v.txns[c.txnId] = c.next;
  const t = c.next;
  if (c.then === "init") reply(ctx, c.msg!, { pid: t.pid, epoch: t.epoch });
  else if (c.then === "ok") reply(ctx, c.msg!, {});
  else if (c.then === "end") {
    reply(ctx, c.msg!, { epoch: t.epoch });
    completeOrMark(ctx, env, t);
  } else if (c.then === "markers") completeOrMark(ctx, env, t);
  else if (c.then === "fence") fenceAbort(ctx, env, t);
}

/** Rule 7: unknown producer id -> INVALID_PRODUCER_ID_MAPPING; another epoch -> PRODUCER_FENCED. */
function checkProducer(t: TxnMeta | undefined, pid: number, epoch: number): string | null {
  if (!t || t.pid !== pid) return "INVALID_PRODUCER_ID_MAPPING";
  if (t.epoch !== epoch) return "PRODUCER_FENCED";
  return null;
}

function onInit(ctx: TcCtx, env: TcEnv, msg: Message): void {
  const b = msg.body as { txnId: string; timeoutMs: number };
  const t = ctx.volatile.txns[b.txnId];
  if (!t) {
    const pid = ++ctx.volatile.maxPid;
    const next: TxnMeta = { txnId: b.txnId, pid, epoch: 0, prevEpoch: -1, state: "Empty", partitions: [], startMs: ctx.now, timeoutMs: b.timeoutMs, endedBy: null };
    return transition(ctx, env, next, "init", msg);
  }
  if (t.state === "Empty" || isComplete(t.state)) {
    return transition(ctx, env, { ...t, epoch: t.epoch + 1, prevEpoch: t.epoch, state: "Empty", partitions: [], timeoutMs: b.timeoutMs, endedBy: null }, "init", msg);
  }
  if (t.state === "Ongoing") fenceOpen(ctx, env, t);
  reply(ctx, msg, { error: "CONCURRENT_TRANSACTIONS" });
}

/** Rule 6/12: an open transaction is fenced (epoch + 1) and then aborted. */
export function fenceOpen(ctx: TcCtx, env: TcEnv, t: TxnMeta): void {
  transition(ctx, env, { ...t, epoch: t.epoch + 1, prevEpoch: t.epoch, state: "PrepareEpochFence", endedBy: "fence" }, "fence");
}

function onAdd(ctx: TcCtx, env: TcEnv, msg: Message, partitions: string[], verifyOnly: boolean): void {
  const b = msg.body as { txnId: string; pid: number; epoch: number };
  const t = ctx.volatile.txns[b.txnId];
  const bad = checkProducer(t, b.pid, b.epoch);
  if (bad) return reply(ctx, msg, { error: verifyOnly && bad === "PRODUCER_FENCED" ? "INVALID_PRODUCER_EPOCH" : bad });
  const all = partitions.every((p) => t.partitions.includes(p));
  if (verifyOnly) return reply(ctx, msg, t.state === "Ongoing" && all ? {} : { error: "INVALID_TXN_STATE" });
  if (isPrepare(t.state)) return reply(ctx, msg, { error: "CONCURRENT_TRANSACTIONS" });
  if (t.state === "Ongoing" && all) return reply(ctx, msg, {});
  if (t.state === "Dead") return reply(ctx, msg, { error: "INVALID_TXN_STATE" });
  const startMs = t.state === "Ongoing" ? t.startMs : ctx.now;
  const next = { ...t, state: "Ongoing" as const, partitions: [...new Set([...t.partitions, ...partitions])], startMs };
  transition(ctx, env, next, "ok", msg);
}

/** Rule 10 with v2 retries: the epoch after a client's own EndTxn is prevEpoch + 1. */
function onEnd(ctx: TcCtx, env: TcEnv, msg: Message): void {
  const b = msg.body as { txnId: string; pid: number; epoch: number; commit: boolean };
  const t = ctx.volatile.txns[b.txnId];
  if (!t || t.pid !== b.pid) return reply(ctx, msg, { error: "INVALID_PRODUCER_ID_MAPPING" });
  const want = b.commit ? "Commit" : "Abort";
  if (b.epoch === t.prevEpoch && t.endedBy === "client" && (isPrepare(t.state) || isComplete(t.state))) {
    if (!t.state.endsWith(want)) return reply(ctx, msg, { error: "INVALID_TXN_STATE" });
    return reply(ctx, msg, isComplete(t.state) ? { epoch: t.epoch } : { error: "CONCURRENT_TRANSACTIONS" });
  }
  if (b.epoch !== t.epoch) return reply(ctx, msg, { error: "PRODUCER_FENCED" });
  if (isPrepare(t.state)) return reply(ctx, msg, { error: "CONCURRENT_TRANSACTIONS" });
  const bump = { epoch: t.epoch + 1, prevEpoch: t.epoch, endedBy: "client" as const };
  if (t.state === "Ongoing") return transition(ctx, env, { ...t, ...bump, state: b.commit ? "PrepareCommit" : "PrepareAbort" }, "end", msg);
  if (!b.commit && (t.state === "Empty" || isComplete(t.state))) {
    return transition(ctx, env, { ...t, ...bump, state: "PrepareAbort", partitions: [] }, "end", msg);
  }
  reply(ctx, msg, { error: "INVALID_TXN_STATE" });
}

export function onTcRequest(ctx: TcCtx, env: TcEnv, msg: Message): void {
  const v = ctx.volatile;
  if (!msg.type.match(/^(InitProducerId|AddPartitionsToTxn|AddOffsetsToTxn|EndTxn)$/)) return;
  if (v.clog.loading) return reply(ctx, msg, { error: "COORDINATOR_LOAD_IN_PROGRESS" });
  const b = msg.body as { txnId: string; partitions?: string[]; group?: string; verifyOnly?: boolean };
  if (v.busy[b.txnId]) return reply(ctx, msg, { error: "CONCURRENT_TRANSACTIONS" });
  if (msg.type === "InitProducerId") onInit(ctx, env, msg);
  else if (msg.type === "AddPartitionsToTxn") onAdd(ctx, env, msg, b.partitions ?? [], b.verifyOnly === true);
  else if (msg.type === "AddOffsetsToTxn") onAdd(ctx, env, msg, [offsetsOf(b.group!)], false);
  else onEnd(ctx, env, msg);
}

