import type { Message } from "../../../kernel/types.ts";
import { groupCoordinatorFor } from "../plan.ts";
import { reply } from "../rpc.ts";
import type { Entry, MarkerReq } from "../wire.ts";
import { groupOf, onGroupWritten, writeGroup } from "./membership.ts";
import type { GcCtx, GcEnv, Group, GroupRecord } from "./state.ts";

/**
 * Offsets in `__consumer_offsets`: OffsetCommit, TxnOffsetCommit (pending
 * until the COMMIT marker, dropped on ABORT), OffsetFetch with
 * require_stable, and the markers the transaction coordinator sends here.
 */

/** Rule 15 / KIP-447: only a current member of the current generation, outside CompletingRebalance, commits. */
function fenceCommit(env: GcEnv, g: Group | undefined, member: string, generation: number): string | null {
  if (!env.fence) return null;
  if (!g || !g.members[member]) return "UNKNOWN_MEMBER_ID";
  if (g.generation !== generation) return "ILLEGAL_GENERATION";
  if (g.state === "CompletingRebalance") return "REBALANCE_IN_PROGRESS";
  return null;
}

export function onOffsetCommit(ctx: GcCtx, env: GcEnv, msg: Message): void {
  const b = msg.body as { group: string; member: string; generation: number; offsets: Record<string, number>; pid?: number; epoch?: number; seq?: number };
  const g = ctx.volatile.groups[b.group];
  const error = fenceCommit(env, g, b.member, b.generation);
  if (error) return reply(ctx, msg, { error });
  const m = g?.members[b.member];
  if (m && b.seq !== undefined) {
    if (b.seq <= (m.commitSeq ?? -1)) return reply(ctx, msg, {});
    m.commitSeq = b.seq;
  }
  // A transaction already ended by a marker (epoch bumped) may not add offsets: they would stay pending forever.
  if (msg.type === "TxnOffsetCommit" && b.epoch! < (g?.producerEpochs[b.pid!] ?? -1)) return reply(ctx, msg, { error: "INVALID_PRODUCER_EPOCH" });
  const txn = msg.type === "TxnOffsetCommit" ? { pid: b.pid!, epoch: b.epoch! } : {};
  writeGroup(ctx, env, { kind: "offsets", group: b.group, offsets: b.offsets, generation: b.generation, member: b.member, ...txn }, msg);
}

export function onOffsetFetch(ctx: GcCtx, msg: Message): void {
  const b = msg.body as { group: string; partitions: string[] };
  const g = ctx.volatile.groups[b.group];
  const pending = g && Object.values(g.pendingTxn).some((t) => b.partitions.some((p) => t.offsets[p] !== undefined));
  if (pending) return reply(ctx, msg, { error: "UNSTABLE_OFFSET_COMMIT" });
  reply(ctx, msg, { offsets: Object.fromEntries(b.partitions.map((p) => [p, g?.committed[p] ?? 0])) });
}

export function onGroupMarker(ctx: GcCtx, env: GcEnv, msg: Message): void {
  const b = msg.body as MarkerReq;
  const group = b.partition.slice("offsets:".length);
  const g = groupOf(ctx, group);
  if ((g.markerEpochs[b.pid] ?? -1) > b.coordEpoch) {
    ctx.observe("txn.marker-fenced", { partition: b.partition, pid: b.pid, epoch: b.epoch, coordEpoch: b.coordEpoch });
    return reply(ctx, msg, { error: "TRANSACTION_COORDINATOR_FENCED" });
  }
  g.producerEpochs[b.pid] = Math.max(g.producerEpochs[b.pid] ?? -1, b.epoch);
  writeGroup(ctx, env, { kind: "marker", group, pid: b.pid, epoch: b.epoch, result: b.result, coordEpoch: b.coordEpoch }, msg);
}

/** Applies a durable record to the group's state (also used when loading). */
export function applyRecord(ctx: GcCtx, rec: GroupRecord): void {
  const g = groupOf(ctx, rec.group, rec.kind === "group" ? rec.topic : "");
  if (rec.kind === "offsets") {
    if (rec.pid !== undefined) g.pendingTxn[rec.pid] = { epoch: rec.epoch!, offsets: { ...(g.pendingTxn[rec.pid]?.offsets ?? {}), ...rec.offsets } };
    else Object.assign(g.committed, rec.offsets);
  } else if (rec.kind === "marker") {
    g.markerEpochs[rec.pid] = Math.max(g.markerEpochs[rec.pid] ?? -1, rec.coordEpoch);
    g.producerEpochs[rec.pid] = Math.max(g.producerEpochs[rec.pid] ?? -1, rec.epoch);
    const pending = g.pendingTxn[rec.pid];
    if (pending && rec.result === "COMMIT") Object.assign(g.committed, pending.offsets);
    delete g.pendingTxn[rec.pid];
  }
}

export function onGroupRecordWritten(ctx: GcCtx, recId: string): void {
  const c = ctx.volatile.conts[recId];
  if (!c) return;
  delete ctx.volatile.conts[recId];
  if (c.rec.kind === "group") return onGroupWritten(ctx, c.rec);
  applyRecord(ctx, c.rec);
  if (c.msg) reply(ctx, c.msg, {});
}

/** A new coordinator epoch: offsets, pending transactional offsets and generations come back from the log. */
export function onGroupsLoaded(ctx: GcCtx, env: GcEnv, entries: readonly Entry[]): void {
  const v = ctx.volatile;
  v.groups = {};
  v.conts = {};
  for (const e of entries) {
    const rec = e.rec.value as GroupRecord | undefined;
    if (!rec?.group || groupCoordinatorFor(env.plan, rec.group) !== env.id) continue;
    if (rec.kind !== "group") {
      applyRecord(ctx, rec);
      continue;
    }
    const g = groupOf(ctx, rec.group, rec.topic);
    g.generation = rec.generation;
    g.assignment = rec.assignment;
    g.members = Object.fromEntries(rec.members.map((m) => [m, { node: m.split("/")[0], lastHb: ctx.now }]));
    g.state = rec.members.length ? "Stable" : "Empty";
  }
  for (const g of Object.values(v.groups)) ctx.observe("group.loaded", { group: g.name, generation: g.generation, committed: { ...g.committed } });
}
