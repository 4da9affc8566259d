import type { Message } from "../../../kernel/types.ts";
import { checkBatch } from "../replica/producers.ts";
import { abortedIn, append, endOffsetFor, logEnd, lso } from "../replica/replica.ts";
import { reply, request } from "../rpc.ts";
import type { Entry, FetchReq, MarkerReq, ProduceReq } from "../wire.ts";
import { advanceHw, followerFetched, minIsrOf } from "./leader.ts";
import type { HostCtx, HostEnv } from "./state.ts";

/**
 * What a partition leader serves: Produce (acks=all, idempotence, KIP-890
 * verification), Fetch (followers and consumers, long-polled) and
 * WriteTxnMarkers.
 */
const MAX_FETCH = 50;

function park(ctx: HostCtx, env: HostEnv, msg: Message, p: string, lastOffset: number, body: Record<string, unknown>): void {
  ctx.volatile.lead[p]!.produces.push({ msg, lastOffset, reply: { partition: p, ...body } });
  advanceHw(ctx, env, p);
  serveParked(ctx, env, p);
}

/** Answers parked produces the HW now covers, and re-runs parked fetches. */
export function serveParked(ctx: HostCtx, env: HostEnv, p: string): void {
  const L = ctx.volatile.lead[p];
  if (!L) return;
  const hw = ctx.durable.replicas[p].hw;
  const done = L.produces.filter((w) => w.lastOffset < hw);
  L.produces = L.produces.filter((w) => w.lastOffset >= hw);
  for (const w of done) reply(ctx, w.msg, w.reply);
  const waiting = L.fetches;
  L.fetches = [];
  for (const f of waiting) {
    ctx.cancelTimer(f.timer);
    onFetch(ctx, env, f.msg, true);
  }
}

export function onProduce(ctx: HostCtx, env: HostEnv, msg: Message): void {
  const b = msg.body as ProduceReq;
  const p = b.partition;
  const L = ctx.volatile.lead[p];
  const r = ctx.durable.replicas[p];
  const fail = (error: string) => reply(ctx, msg, { partition: p, error });
  if (!L || !r) return fail("NOT_LEADER_OR_FOLLOWER");
  if (b.leaderEpoch !== undefined && b.leaderEpoch !== L.epoch) return fail("FENCED_LEADER_EPOCH");
  if (L.isr.length < minIsrOf(env, p)) return fail("NOT_ENOUGH_REPLICAS");
  const batch = b.batch;
  const known = r.producers[batch.pid];
  if (batch.txn && env.fenceEpochs && known && batch.epoch < known.epoch) return fail("INVALID_PRODUCER_EPOCH");
  const key = `${p}|${batch.pid}|${batch.epoch}`;
  if (batch.txn && env.fenceEpochs && r.open[batch.pid] === undefined && !ctx.volatile.verified[key]) {
    // KIP-890: before the first write of a transaction here, ask the coordinator that the partition is in it.
    const body = { txnId: batch.txnId, pid: batch.pid, epoch: batch.epoch, partitions: [p], verifyOnly: true };
    request(ctx, env.plan.txnCoordinator!, "AddPartitionsToTxn", body, { kind: "verify", key, msg }, env.plan.settings.requestTimeoutMs);
    return;
  }
  const check = checkBatch(known, batch, env);
  if (check.kind === "error") return fail(check.error);
  if (check.kind === "duplicate") {
    ctx.observe("log.duplicate", { partition: p, pid: batch.pid, epoch: batch.epoch, seq: batch.seq, offset: check.meta.firstOffset });
    return park(ctx, env, msg, p, check.meta.lastOffset, { offset: check.meta.firstOffset, duplicate: true });
  }
  const lastSeq = batch.seq + batch.records.length - 1;
  let first = -1;
  batch.records.forEach((rec, i) => {
    const e: Entry = { epoch: L.epoch, pid: batch.pid, pepoch: batch.epoch, seq: batch.seq + i, firstSeq: batch.seq, lastSeq, txn: batch.txn, rec };
    const o = append(r, e);
    if (first < 0) first = o;
  });
  ctx.observe("log.append", {
    partition: p,
    offset: first,
    epoch: L.epoch,
    pid: batch.pid,
    pepoch: batch.epoch,
    seq: batch.seq,
    txn: batch.txn,
    ids: batch.records.map((x) => x.id),
    srcs: batch.records.map((x) => x.src ?? null),
  });
  park(ctx, env, msg, p, logEnd(r) - 1, { offset: first });
}

/** The coordinator answered a KIP-890 verification: retry the produce, or fail it. */
export function onVerified(ctx: HostCtx, env: HostEnv, key: string, msg: Message, error: string | undefined): void {
  if (error) return reply(ctx, msg, { partition: (msg.body as ProduceReq).partition, error });
  ctx.volatile.verified[key] = true;
  onProduce(ctx, env, msg);
}

export function onFetch(ctx: HostCtx, env: HostEnv, msg: Message, again = false): void {
  const b = msg.body as FetchReq & { replicaId?: string; lastFetchedEpoch?: number; leaderEpoch?: number };
  const p = b.partition;
  const L = ctx.volatile.lead[p];
  const r = ctx.durable.replicas[p];
  if (!L || !r) return reply(ctx, msg, { partition: p, error: "NOT_LEADER_OR_FOLLOWER" });
  if (b.replicaId !== undefined) {
    if (b.leaderEpoch !== L.epoch) return reply(ctx, msg, { partition: p, error: b.leaderEpoch! < L.epoch ? "FENCED_LEADER_EPOCH" : "UNKNOWN_LEADER_EPOCH" });
    if (b.offset > 0) {
      const div = endOffsetFor(r, b.lastFetchedEpoch!);
      if (div.epoch !== b.lastFetchedEpoch || div.endOffset < b.offset) return reply(ctx, msg, { partition: p, diverging: div, hw: r.hw });
    }
    if (!again) followerFetched(ctx, env, p, b.replicaId, b.offset);
    if (!ctx.volatile.lead[p]) return;
    return answer(ctx, env, msg, p, logEnd(r), again);
  }
  if (b.isolation !== "log_end" && r.hw < L.epochStart) return reply(ctx, msg, { partition: p, error: "OFFSET_NOT_AVAILABLE" });
  if (b.offset > logEnd(r)) return reply(ctx, msg, { partition: p, error: "OFFSET_OUT_OF_RANGE" });
  const limit = b.isolation === "read_committed" ? lso(r) : b.isolation === "log_end" ? logEnd(r) : r.hw;
  answer(ctx, env, msg, p, limit, again);
}

function answer(ctx: HostCtx, env: HostEnv, msg: Message, p: string, limit: number, again: boolean): void {
  const b = msg.body as FetchReq;
  const r = ctx.durable.replicas[p];
  const L = ctx.volatile.lead[p]!;
  if (b.offset >= limit && !(again && (msg as { expired?: boolean }).expired)) {
    const timer = ctx.setTimer(env.plan.settings.fetchWaitMs, "fetch.expire", { partition: p, msg: msg.id });
    L.fetches.push({ msg, timer });
    return;
  }
  const end = Math.min(limit, b.offset + (b.maxRecords ?? MAX_FETCH));
  const records = [];
  for (let o = b.offset; o < end; o++) records.push({ offset: o, entry: r.entries[o] });
  const aborted = b.isolation === "read_committed" ? abortedIn(r, b.offset, end) : undefined;
  reply(ctx, msg, { partition: p, records, hw: r.hw, lso: lso(r), logEnd: logEnd(r), leaderEpoch: L.epoch, ...(aborted ? { aborted } : {}) });
}

/** A long-poll ran out: answer it with whatever there is (usually nothing). */
export function onFetchExpire(ctx: HostCtx, env: HostEnv, data: { partition: string; msg: number }): void {
  const L = ctx.volatile.lead[data.partition];
  const i = L ? L.fetches.findIndex((f) => f.msg.id === data.msg) : -1;
  if (!L || i < 0) return;
  const [f] = L.fetches.splice(i, 1);
  onFetch(ctx, env, { ...f.msg, expired: true } as Message, true);
}

export function onMarker(ctx: HostCtx, env: HostEnv, msg: Message): void {
  const b = msg.body as MarkerReq;
  const p = b.partition;
  const L = ctx.volatile.lead[p];
  const r = ctx.durable.replicas[p];
  const fail = (error: string) => reply(ctx, msg, { partition: p, error });
  if (!L || !r) return fail("NOT_LEADER_OR_FOLLOWER");
  if (L.isr.length < minIsrOf(env, p)) return fail("NOT_ENOUGH_REPLICAS");
  const known = r.producers[b.pid];
  if (known && b.coordEpoch < known.coordEpoch) {
    ctx.observe("txn.marker-fenced", { partition: p, pid: b.pid, epoch: b.epoch, coordEpoch: b.coordEpoch, current: known.coordEpoch });
    return fail("TRANSACTION_COORDINATOR_FENCED");
  }
  if (known && b.epoch < known.epoch) return fail("INVALID_PRODUCER_EPOCH");
  if (known && b.epoch === known.epoch && r.open[b.pid] === undefined) return park(ctx, env, msg, p, logEnd(r) - 1, {});
  const e: Entry = { epoch: L.epoch, pid: b.pid, pepoch: b.epoch, seq: -1, firstSeq: -1, lastSeq: -1, txn: true, control: b.result, coordEpoch: b.coordEpoch, rec: { id: `marker:${b.pid}:${b.epoch}` } };
  const offset = append(r, e);
  ctx.observe("log.append", { partition: p, offset, epoch: L.epoch, pid: b.pid, pepoch: b.epoch, txn: true, control: b.result, ids: [e.rec.id] });
  ctx.observe("txn.marker", { partition: p, offset, txnId: b.txnId, pid: b.pid, epoch: b.epoch, result: b.result, coordEpoch: b.coordEpoch });
  park(ctx, env, msg, p, offset, {});
}
