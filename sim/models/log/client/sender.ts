import type { NodeContext } from "../../../kernel/behavior.ts";
import type { LogPlan } from "../plan.ts";
import { request } from "../rpc.ts";
import type { Batch, LogRecord } from "../wire.ts";
import { leaderOf, refreshMetadata, STALE_LEADER, type WithMeta } from "./metadata.ts";

/**
 * The idempotent producer's send path: per partition a sequence counter and
 * up to five batches in flight; a failed or timed-out batch makes every
 * unacknowledged batch of the partition go again, in order, with the same
 * sequence numbers, so the leader can answer duplicates with their offsets.
 */
export const MAX_IN_FLIGHT = 5;

/** Errors after which the same batches go again (besides a stale leader). */
const RETRY = new Set(["OUT_OF_ORDER_SEQUENCE_NUMBER", "CONCURRENT_TRANSACTIONS", "COORDINATOR_LOAD_IN_PROGRESS"]);

interface InFlight {
  /** Acknowledged, but kept until every earlier batch is: the window of five counts from the oldest unacknowledged batch. */
  acked?: boolean;
  readonly seq: number;
  readonly records: LogRecord[];
  /** When the batch was first sent, for the produce latency. */
  readonly at: number;
}

export interface SenderState {
  pid: number;
  epoch: number;
  txnId?: string;
  /** Coordinator writes to internal topics carry the leader epoch they loaded at (fencing stale coordinators). */
  leaderEpoch?: number;
  parts: Record<string, { nextSeq: number; inflight: InFlight[]; queued: LogRecord[]; resend: boolean }>;
}

export interface WithSender extends WithMeta {
  send: SenderState;
}

type Ctx = NodeContext<unknown, WithSender>;

export const senderInit = (): SenderState => ({ pid: -1, epoch: 0, parts: {} });

/** A new producer id or epoch: sequences start again at 0 (rule 4). */
export function senderReset(s: SenderState, pid: number, epoch: number): void {
  s.pid = pid;
  s.epoch = epoch;
  s.parts = {};
}

export function pendingCount(s: SenderState): number {
  let n = 0;
  for (const p of Object.values(s.parts)) n += p.inflight.filter((b) => !b.acked).length + p.queued.length;
  return n;
}

/** Queues records for a partition and sends what the in-flight limit allows. */
export function enqueue(ctx: Ctx, plan: LogPlan, p: string, records: LogRecord[]): void {
  const part = (ctx.volatile.send.parts[p] ??= { nextSeq: 0, inflight: [], queued: [], resend: false });
  part.queued.push(...records);
  drain(ctx, plan, p);
}

function drain(ctx: Ctx, plan: LogPlan, p: string): void {
  const part = ctx.volatile.send.parts[p];
  while (part.inflight.length < MAX_IN_FLIGHT && part.queued.length > 0) {
    const records = part.queued.splice(0, 3);
    const b = { seq: part.nextSeq, records, at: ctx.now };
    part.nextSeq += records.length;
    part.inflight.push(b);
    transmit(ctx, plan, p, b);
  }
}

function transmit(ctx: Ctx, plan: LogPlan, p: string, b: InFlight): void {
  const s = ctx.volatile.send;
  const leader = leaderOf(ctx, p);
  if (!leader) return scheduleResend(ctx, plan, p);
  const batch: Batch = { pid: s.pid, epoch: s.epoch, seq: b.seq, txn: s.txnId !== undefined, records: b.records, ...(s.txnId ? { txnId: s.txnId } : {}) };
  const fence = s.leaderEpoch !== undefined ? { leaderEpoch: s.leaderEpoch } : {};
  request(ctx, leader, "Produce", { partition: p, batch, ...fence }, { kind: "produce", partition: p, seq: b.seq, epoch: s.epoch, pid: s.pid }, plan.settings.requestTimeoutMs);
}

function scheduleResend(ctx: Ctx, plan: LogPlan, p: string): void {
  const part = ctx.volatile.send.parts[p];
  if (!part || part.resend) return;
  part.resend = true;
  ctx.setTimer(20 + ctx.rng.next() * 30, "send.resend", { partition: p, epoch: ctx.volatile.send.epoch, pid: ctx.volatile.send.pid });
}

export function onResendTimer(ctx: Ctx, plan: LogPlan, data: { partition: string; epoch: number; pid: number }): void {
  const s = ctx.volatile.send;
  const part = s.parts[data.partition];
  if (!part || data.epoch !== s.epoch || data.pid !== s.pid) return;
  part.resend = false;
  for (const b of part.inflight) if (!b.acked) transmit(ctx, plan, data.partition, b);
}

export type SendOutcome = { readonly acked: readonly LogRecord[] } | { readonly fatal: string } | null;

/** Handles a ProduceResponse (or its timeout). Fatal errors are the owner's to handle. */
export function onProduceResponse(ctx: Ctx, plan: LogPlan, tag: { partition: string; seq: number; epoch: number; pid: number }, body: any): SendOutcome {
  const s = ctx.volatile.send;
  const part = s.parts[tag.partition];
  if (tag.epoch !== s.epoch || tag.pid !== s.pid || !part) return null;
  const b = part.inflight.find((x) => x.seq === tag.seq && !x.acked);
  if (!b) return null;
  if (!body.error) {
    // Beyond five batches past an unacknowledged one, the leader could no longer recognise its retry.
    b.acked = true;
    while (part.inflight[0]?.acked) part.inflight.shift();
    ctx.observe("log.ack", {
      partition: tag.partition,
      offset: body.offset,
      ids: b.records.map((r) => r.id),
      pid: s.pid,
      pepoch: s.epoch,
      seq: b.seq,
      txn: s.txnId !== undefined,
      duplicate: body.duplicate === true,
      latencyMs: ctx.now - b.at,
    });
    drain(ctx, plan, tag.partition);
    return { acked: b.records };
  }
  if (!STALE_LEADER.has(body.error) && !RETRY.has(body.error)) return { fatal: body.error };
  if (STALE_LEADER.has(body.error)) refreshMetadata(ctx, plan);
  scheduleResend(ctx, plan, tag.partition);
  return null;
}
