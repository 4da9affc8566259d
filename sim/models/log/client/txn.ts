import type { NodeContext } from "../../../kernel/behavior.ts";
import { groupCoordinatorFor, type LogPlan } from "../plan.ts";
import { request, type Tag } from "../rpc.ts";
import { offsetsOf, type LogRecord } from "../wire.ts";
import { enqueue, pendingCount, senderReset, type WithSender } from "./sender.ts";

/**
 * The transactional producer (KIP-98, protocol v2 of KIP-890):
 * InitProducerId, AddPartitionsToTxn, Produce, AddOffsetsToTxn +
 * TxnOffsetCommit (sendOffsetsToTransaction), EndTxn. The owner (a
 * producer or a consume-transform-produce app) starts transactions and is
 * told how they end through hooks; state is plain data in volatile.
 */
export type TxnPhase = "init" | "ready" | "adding" | "producing" | "adding-offsets" | "committing-offsets" | "ending" | "failed";

export interface TxnOffsets {
  readonly group: string;
  readonly generation: number;
  readonly member: string;
  readonly offsets: Record<string, number>;
}

export interface TxnSession {
  txnId: string;
  phase: TxnPhase;
  partitions: string[];
  writes: Record<string, LogRecord[]>;
  offsets: TxnOffsets | null;
  commit: boolean;
}

export interface WithTxn extends WithSender {
  txn: TxnSession;
}

export interface TxnHooks {
  /** InitProducerId succeeded: transactions may start. */
  ready(ctx: Ctx): void;
  /** EndTxn succeeded (committed: true for COMMIT). `reason` says why an intended commit became an abort. */
  ended(ctx: Ctx, committed: boolean, reason?: string): void;
  /** Fenced or otherwise unrecoverable: the owner re-initialises. */
  fatal(ctx: Ctx, error: string): void;
}

type Ctx = NodeContext<unknown, WithTxn>;

export const txnInitState = (txnId: string): TxnSession => ({ txnId, phase: "init", partitions: [], writes: {}, offsets: null, commit: true });

const RETRIABLE = new Set(["CONCURRENT_TRANSACTIONS", "COORDINATOR_LOAD_IN_PROGRESS", "NOT_COORDINATOR", "REQUEST_TIMED_OUT", "THROTTLED", "COORDINATOR_NOT_AVAILABLE", "REBALANCE_IN_PROGRESS_RETRY"]);
const ABORTING = new Set(["ILLEGAL_GENERATION", "UNKNOWN_MEMBER_ID", "REBALANCE_IN_PROGRESS"]);

function send(ctx: Ctx, plan: LogPlan, to: string, api: string, body: object, op: string): void {
  const t = ctx.volatile.txn;
  const s = ctx.volatile.send;
  const tag: Tag = { kind: "txn", op, pid: s.pid, epoch: s.epoch };
  request(ctx, to, api, { txnId: t.txnId, pid: s.pid, epoch: s.epoch, ...body }, tag, plan.settings.requestTimeoutMs);
}

export function txnInit(ctx: Ctx, plan: LogPlan): void {
  const t = ctx.volatile.txn;
  t.phase = "init";
  request(ctx, plan.txnCoordinator!, "InitProducerId", { txnId: t.txnId, timeoutMs: plan.settings.txnTimeoutMs }, { kind: "txn", op: "init" }, plan.settings.requestTimeoutMs);
}

/** Starts a transaction writing `writes`, optionally committing consumer offsets in it, ending with COMMIT or ABORT. */
export function txnBegin(ctx: Ctx, plan: LogPlan, writes: Record<string, LogRecord[]>, offsets: TxnOffsets | null, commit: boolean): void {
  const t = ctx.volatile.txn;
  Object.assign(t, { phase: "adding", writes, offsets, commit, partitions: Object.keys(writes) });
  ctx.observe("txn.begin", { txnId: t.txnId, pid: ctx.volatile.send.pid, epoch: ctx.volatile.send.epoch, partitions: t.partitions });
  send(ctx, plan, plan.txnCoordinator!, "AddPartitionsToTxn", { partitions: t.partitions }, "add");
}

function step(ctx: Ctx, plan: LogPlan, op: string): void {
  const t = ctx.volatile.txn;
  if (op === "add") {
    t.phase = "producing";
    for (const p of t.partitions) enqueue(ctx, plan, p, t.writes[p]);
  } else if (op === "produced") {
    if (t.offsets) {
      t.phase = "adding-offsets";
      send(ctx, plan, plan.txnCoordinator!, "AddOffsetsToTxn", { group: t.offsets.group }, "add-offsets");
    } else end(ctx, plan, t.commit);
  } else if (op === "add-offsets") {
    t.phase = "committing-offsets";
    const o = t.offsets!;
    send(ctx, plan, groupCoordinatorFor(plan, o.group), "TxnOffsetCommit", { ...o }, "txn-commit");
  } else if (op === "txn-commit") end(ctx, plan, t.commit);
}

export function end(ctx: Ctx, plan: LogPlan, commit: boolean): void {
  const t = ctx.volatile.txn;
  t.phase = "ending";
  t.commit = commit;
  send(ctx, plan, plan.txnCoordinator!, "EndTxn", { commit }, "end");
}

/** Every produce of the transaction is acknowledged: go on to the offsets or EndTxn. */
export function txnProduced(ctx: Ctx, plan: LogPlan): void {
  if (ctx.volatile.txn.phase === "producing" && pendingCount(ctx.volatile.send) === 0) step(ctx, plan, "produced");
}

export function txnOnResponse(ctx: Ctx, plan: LogPlan, tag: Tag, body: any, hooks: TxnHooks): void {
  const t = ctx.volatile.txn;
  const s = ctx.volatile.send;
  const op = tag.op as string;
  if (op !== "init" && (tag.pid !== s.pid || tag.epoch !== s.epoch)) return;
  if (body.error && RETRIABLE.has(body.error)) {
    ctx.setTimer(20 + ctx.rng.next() * 30, "txn.retry", { op, pid: s.pid, epoch: s.epoch });
    return;
  }
  if (op === "txn-commit" && ABORTING.has(body.error)) {
    ctx.observe("txn.offsets-fenced", { txnId: t.txnId, error: body.error });
    t.offsets = null;
    return end(ctx, plan, false);
  }
  if (body.error) {
    t.phase = "failed";
    return hooks.fatal(ctx, body.error);
  }
  if (op === "init") {
    senderReset(s, body.pid, body.epoch);
    s.txnId = t.txnId;
    t.phase = "ready";
    return hooks.ready(ctx);
  }
  if (op === "end") {
    senderReset(s, s.pid, body.epoch);
    t.phase = "ready";
    ctx.observe("txn.ended", { txnId: t.txnId, committed: t.commit });
    return hooks.ended(ctx, t.commit);
  }
  step(ctx, plan, op);
}

/** A retriable coordinator error: the same request again (same epoch, so retries are recognised). */
export function txnRetry(ctx: Ctx, plan: LogPlan, data: { op: string; pid: number; epoch: number }): void {
  const t = ctx.volatile.txn;
  const s = ctx.volatile.send;
  if (data.op === "init") return t.phase === "init" ? txnInit(ctx, plan) : undefined;
  if (data.pid !== s.pid || data.epoch !== s.epoch) return;
  if (data.op === "add" && t.phase === "adding") send(ctx, plan, plan.txnCoordinator!, "AddPartitionsToTxn", { partitions: t.partitions }, "add");
  else if (data.op === "add-offsets" && t.phase === "adding-offsets") step(ctx, plan, "produced");
  else if (data.op === "txn-commit" && t.phase === "committing-offsets") step(ctx, plan, "add-offsets");
  else if (data.op === "end" && t.phase === "ending") end(ctx, plan, t.commit);
}


