import { leaderOf, refreshMetadata } from "../client/metadata.ts";
import { groupCoordinatorFor } from "../plan.ts";
import { request, type Tag } from "../rpc.ts";
import { groupOfOffsets, type Entry } from "../wire.ts";
import { fenceOpen, transition } from "./coordinator.ts";
import { isPrepare } from "./states.ts";
import { PID_BASE, type TcCtx, type TcEnv, type TxnMeta } from "./state.ts";

/**
 * After the decision (Prepare* durable): markers to every partition of the
 * transaction, retried until each is acknowledged, then Complete*. Also the
 * coordinator's failover recovery and the transaction timeout.
 */
export function completeOrMark(ctx: TcCtx, env: TcEnv, t: TxnMeta): void {
  const commit = t.state === "PrepareCommit";
  ctx.observe(commit ? "txn.prepare-commit" : "txn.prepare-abort", { txnId: t.txnId, pid: t.pid, epoch: t.epoch, partitions: t.partitions });
  ctx.volatile.acked[t.txnId] = [];
  sendMarkers(ctx, env, t.txnId);
}

/** PrepareEpochFence is durable: abort under the bumped epoch (rule 6). */
export function fenceAbort(ctx: TcCtx, env: TcEnv, t: TxnMeta): void {
  transition(ctx, env, { ...t, state: "PrepareAbort" }, "markers");
}

function sendMarkers(ctx: TcCtx, env: TcEnv, txnId: string): void {
  const t = ctx.volatile.txns[txnId];
  const acked = ctx.volatile.acked[txnId] ?? [];
  const todo = t.partitions.filter((p) => !acked.includes(p));
  if (todo.length === 0) {
    const done = { ...t, state: t.state === "PrepareCommit" ? ("CompleteCommit" as const) : ("CompleteAbort" as const), partitions: [] };
    return transition(ctx, env, done, "none");
  }
  let missing = false;
  for (const p of todo) {
    const group = groupOfOffsets(p);
    const to = group ? groupCoordinatorFor(env.plan, group) : leaderOf(ctx, p);
    if (!to) {
      missing = true;
      continue;
    }
    const body = { partition: p, txnId, pid: t.pid, epoch: t.epoch, result: t.state === "PrepareCommit" ? "COMMIT" : "ABORT", coordEpoch: ctx.volatile.clog.coordEpoch };
    request(ctx, to, "WriteTxnMarkers", body, { kind: "marker", txnId, epoch: t.epoch, partition: p }, env.plan.settings.requestTimeoutMs);
  }
  if (missing) retryLater(ctx, env, txnId, t.epoch);
}

function retryLater(ctx: TcCtx, env: TcEnv, txnId: string, epoch: number): void {
  if (ctx.volatile.retrying[txnId]) return;
  ctx.volatile.retrying[txnId] = true;
  refreshMetadata(ctx, env.plan);
  ctx.setTimer(50, "marker.retry", { txnId, epoch, coordEpoch: ctx.volatile.clog.coordEpoch });
}

export function onMarkerRetry(ctx: TcCtx, env: TcEnv, data: { txnId: string; epoch: number; coordEpoch: number }): void {
  delete ctx.volatile.retrying[data.txnId];
  const t = ctx.volatile.txns[data.txnId];
  if (!t || t.epoch !== data.epoch || !isPrepare(t.state) || ctx.volatile.busy[data.txnId] || data.coordEpoch !== ctx.volatile.clog.coordEpoch || ctx.volatile.clog.loading) return;
  sendMarkers(ctx, env, data.txnId);
}

export function onMarkerResponse(ctx: TcCtx, env: TcEnv, tag: Tag, body: { error?: string }): void {
  const txnId = tag.txnId as string;
  const t = ctx.volatile.txns[txnId];
  if (!t || t.epoch !== tag.epoch || !isPrepare(t.state) || ctx.volatile.busy[txnId] || ctx.volatile.clog.loading) return;
  const acked = (ctx.volatile.acked[txnId] ??= []);
  if (!body.error || body.error === "INVALID_PRODUCER_EPOCH") {
    if (!acked.includes(tag.partition as string)) acked.push(tag.partition as string);
    if (acked.length === t.partitions.length) sendMarkers(ctx, env, txnId);
    return;
  }
  retryLater(ctx, env, txnId, t.epoch);
}

/** A new coordinator epoch: rebuild from the log, then finish what was decided (rule 11). */
export function onLoaded(ctx: TcCtx, env: TcEnv, entries: readonly Entry[]): void {
  const v = ctx.volatile;
  v.txns = {};
  v.busy = {};
  v.acked = {};
  v.retrying = {};
  v.conts = {};
  v.maxPid = PID_BASE;
  for (const e of entries) {
    const t = e.rec.value as TxnMeta | undefined;
    if (!t?.txnId) continue;
    v.txns[t.txnId] = t;
    v.maxPid = Math.max(v.maxPid, t.pid);
  }
  for (const t of Object.values(v.txns)) {
    if (t.state === "PrepareEpochFence") fenceAbort(ctx, env, t);
    else if (t.state === "PrepareCommit" || t.state === "PrepareAbort") {
      if (env.recoverMarkers) completeOrMark(ctx, env, t);
      else delete v.txns[t.txnId]; // the bug: the decision is forgotten, its markers never sent
    }
  }
}

/** Rule 12: an Ongoing transaction past its timeout is fenced and aborted. */
export function checkTimeouts(ctx: TcCtx, env: TcEnv): void {
  const v = ctx.volatile;
  if (v.clog.loading) return;
  for (const t of Object.values(v.txns)) {
    if (t.state === "Ongoing" && !v.busy[t.txnId] && ctx.now - t.startMs > t.timeoutMs) {
      ctx.observe("txn.timeout", { txnId: t.txnId, pid: t.pid, epoch: t.epoch });
      fenceOpen(ctx, env, t);
    }
  }
}
