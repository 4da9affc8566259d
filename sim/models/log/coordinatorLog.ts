import type { NodeContext } from "../../kernel/behavior.ts";
import { leaderOf, refreshMetadata, type WithMeta } from "./client/metadata.ts";
import { enqueue, onProduceResponse, senderReset, type SenderState } from "./client/sender.ts";
import type { LogPlan } from "./plan.ts";
import { request, type Tag } from "./rpc.ts";
import type { Entry, FetchResp, LogRecord } from "./wire.ts";

/**
 * A coordinator's state lives in an internal, replicated partition
 * (`__transaction_state`, `__consumer_offsets`). The coordinator is the
 * partition's leader in Kafka; here it runs on its own drawn node and
 * follows that leader: its coordinator epoch is the partition's leader
 * epoch, every write carries it (a deposed coordinator's writes are
 * refused), writes are idempotent (producer id `writerPid`, epoch = the
 * coordinator epoch) and a leader change means unload and load again from
 * the log, as a coordinator failover does.
 */
export interface CoordLog {
  partition: string;
  writerPid: number;
  coordEpoch: number;
  loading: boolean;
  loaded: Entry[];
  nextRec: number;
  /** Record ids in write order, and those acknowledged: durability is reported in log order. */
  order: string[];
  acked: Record<string, LogRecord>;
  /** The load's first write: once durable, no late write of an earlier incarnation can land (its producer epoch is fenced). */
  fenceId: string;
}

export interface WithCoordLog extends WithMeta {
  send: SenderState;
  clog: CoordLog;
}

/** The coordinator node's disk: only a count of loads, so each load writes under a new producer epoch. */
export interface CoordDurable {
  boots: number;
  loads: number;
}

type Ctx = NodeContext<CoordDurable, WithCoordLog>;

export interface CoordLogHooks {
  /** The whole log was read at a new coordinator epoch: rebuild state from it. */
  loaded(ctx: Ctx, entries: readonly Entry[]): void;
  /** A write is durable (HW passed it). */
  written(ctx: Ctx, rec: LogRecord): void;
}

export const coordLogInit = (partition: string, writerPid: number): CoordLog => ({ partition, writerPid, coordEpoch: -1, loading: true, loaded: [], nextRec: 0, order: [], acked: {}, fenceId: "" });

/** Starts (or restarts) loading at the partition's current leader epoch. */
export function startLoad(ctx: Ctx, plan: LogPlan): void {
  const c = ctx.volatile.clog;
  const m = ctx.volatile.meta.table[c.partition];
  c.loading = true;
  c.loaded = [];
  c.order = [];
  c.acked = {};
  c.coordEpoch = m?.leaderEpoch ?? -1;
  senderReset(ctx.volatile.send, c.writerPid, ++ctx.durable.loads);
  ctx.volatile.send.leaderEpoch = c.coordEpoch;
  // Like InitProducerId: a write under the new epoch first, so the log we then read is final up to it.
  c.fenceId = writeRecord(ctx, plan, { value: { load: ctx.durable.loads } });
}

function fetchMore(ctx: Ctx, plan: LogPlan): void {
  const c = ctx.volatile.clog;
  const leader = leaderOf(ctx, c.partition);
  if (!leader) return void ctx.setTimer(50, "clog.retry", c.coordEpoch);
  const body = { partition: c.partition, offset: c.loaded.length, isolation: "log_end", maxRecords: 200 };
  request(ctx, leader, "Fetch", body, { kind: "clog.load", epoch: c.coordEpoch }, plan.settings.requestTimeoutMs);
}

export function onLoadTimer(ctx: Ctx, plan: LogPlan, epoch: number): void {
  if (ctx.volatile.clog.loading && epoch === ctx.volatile.clog.coordEpoch) fetchMore(ctx, plan);
}

function onLoadFetch(ctx: Ctx, plan: LogPlan, tag: Tag, body: FetchResp & { leaderEpoch?: number }, hooks: CoordLogHooks): void {
  const c = ctx.volatile.clog;
  if (!c.loading || tag.epoch !== c.coordEpoch) return;
  if (body.error || body.leaderEpoch !== c.coordEpoch) {
    refreshMetadata(ctx, plan);
    return void ctx.setTimer(50, "clog.retry", c.coordEpoch);
  }
  for (const r of body.records ?? []) if (r.offset === c.loaded.length) c.loaded.push(r.entry);
  if (c.loaded.length < (body.logEnd ?? 0)) return fetchMore(ctx, plan);
  c.loading = false;
  ctx.observe("coordinator.loaded", { partition: c.partition, coordEpoch: c.coordEpoch, records: c.loaded.length });
  hooks.loaded(ctx, c.loaded);
}

/** Appends a record for the coordinator's state; `hooks.written` runs once it is committed. */
export function writeRecord(ctx: Ctx, plan: LogPlan, rec: Omit<LogRecord, "id">): string {
  const c = ctx.volatile.clog;
  const id = `${c.partition}@${c.coordEpoch}#${c.nextRec++}`;
  c.order.push(id);
  enqueue(ctx as never, plan, c.partition, [{ ...rec, id }]);
  return id;
}

/** Periodic check: has the internal partition's leadership moved (coordinator failover)? */
export function checkEpoch(ctx: Ctx, plan: LogPlan): void {
  const c = ctx.volatile.clog;
  const m = ctx.volatile.meta.table[c.partition];
  refreshMetadata(ctx, plan);
  if (m && m.leader && m.leaderEpoch !== c.coordEpoch) startLoad(ctx, plan);
}

/** Routes the log's responses; true if the tag was the log's. */
export function coordLogResponse(ctx: Ctx, plan: LogPlan, tag: Tag, body: any, hooks: CoordLogHooks): boolean {
  if (tag.kind === "clog.load") {
    onLoadFetch(ctx, plan, tag, body, hooks);
    return true;
  }
  if (tag.kind !== "produce") return false;
  const out = onProduceResponse(ctx as never, plan, tag as never, body);
  if (out && "acked" in out) {
    // Responses may overtake each other; the log's order is the write order, so report in it.
    const c = ctx.volatile.clog;
    for (const r of out.acked) c.acked[r.id] = r;
    while (c.order.length > 0 && c.acked[c.order[0]]) {
      const r = c.acked[c.order.shift()!];
      delete c.acked[r.id];
      if (r.id === c.fenceId) fetchMore(ctx, plan);
      else hooks.written(ctx, r);
    }
  } else if (out && "fatal" in out) checkEpoch(ctx, plan);
  return true;
}
