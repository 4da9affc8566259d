import { lso, logEnd } from "../replica/replica.ts";
import { request } from "../rpc.ts";
import type { PartitionMeta } from "../wire.ts";
import { serveParked } from "./serve.ts";
import type { HostCtx, HostEnv, LeaderState } from "./state.ts";

/**
 * The leader side of a partition: leadership changes, the high watermark
 * (advanced only when every member of the maximal ISR has a record and the
 * ISR has min.insync.replicas members) and ISR changes through the
 * controller (AlterPartition).
 */
export const minIsrOf = (env: HostEnv, p: string) => Math.min(env.plan.settings.minIsr, env.plan.assignment[p].replicas.length);

export function becomeLeader(ctx: HostCtx, env: HostEnv, p: string, m: PartitionMeta): void {
  if (ctx.volatile.lead[p]) resign(ctx, p);
  const r = ctx.durable.replicas[p];
  const followers: LeaderState["followers"] = {};
  for (const f of m.isr) if (f !== ctx.id) followers[f] = { leo: 0, caughtUpAt: ctx.now };
  ctx.volatile.lead[p] = {
    epoch: m.leaderEpoch,
    epochStart: logEnd(r),
    partitionEpoch: m.partitionEpoch,
    isr: [...m.isr],
    pendingIsr: null,
    followers,
    produces: [],
    fetches: [],
    servedHw: -1,
  };
  // The uncommitted tail says what this leader's log holds beyond its HW: it may include a deposed leader's late appends.
  const tail = r.entries.slice(r.hw).map((e) => ({ id: e.rec.id, src: e.rec.src ?? null, pid: e.pid, pepoch: e.pepoch, seq: e.seq, txn: e.txn, ...(e.control ? { control: e.control } : {}) }));
  ctx.observe("log.leader", { partition: p, epoch: m.leaderEpoch, leo: logEnd(r), hw: r.hw, tail });
  advanceHw(ctx, env, p);
}

/** Leadership lost: requests waiting on this leadership fail so clients look for the new leader. */
export function resign(ctx: HostCtx, p: string): void {
  const L = ctx.volatile.lead[p];
  if (!L) return;
  delete ctx.volatile.lead[p];
  for (const w of L.produces) ctx.send(w.msg.from, `${w.msg.type}Response`, { cid: (w.msg.body as any).cid, partition: p, error: "NOT_LEADER_OR_FOLLOWER" });
  for (const f of L.fetches) {
    ctx.cancelTimer(f.timer);
    ctx.send(f.msg.from, "FetchResponse", { cid: (f.msg.body as any).cid, partition: p, error: "NOT_LEADER_OR_FOLLOWER" });
  }
}

function maximalIsr(L: LeaderState): string[] {
  return L.pendingIsr ? [...new Set([...L.isr, ...L.pendingIsr])] : L.isr;
}

/** Emits the replica's HW/LSO when they change (leaders say whether the HW is served to clients yet). True if emitted. */
export function observeHw(ctx: HostCtx, p: string, leader: boolean, served: boolean): boolean {
  const r = ctx.durable.replicas[p];
  const key = `${r.hw}/${lso(r)}/${served}/${leader}`;
  if (ctx.volatile.hwSeen[p] === key) return false;
  ctx.volatile.hwSeen[p] = key;
  ctx.observe("log.hw", { partition: p, hw: r.hw, lso: lso(r), leo: logEnd(r), leader, served, ...(leader ? { epoch: ctx.volatile.lead[p]?.epoch } : {}) });
  return true;
}

export function advanceHw(ctx: HostCtx, env: HostEnv, p: string): void {
  const L = ctx.volatile.lead[p];
  const r = ctx.durable.replicas[p];
  if (!L) return;
  const isr = maximalIsr(L);
  const before = r.hw;
  if (isr.length >= minIsrOf(env, p)) {
    let hw = logEnd(r);
    for (const f of isr) if (f !== ctx.id) hw = Math.min(hw, L.followers[f]?.leo ?? 0);
    if (hw > r.hw) r.hw = hw;
  }
  const served = r.hw >= L.epochStart;
  if (served) L.servedHw = r.hw;
  if (!observeHw(ctx, p, true, served)) return;
  // Records of internal topics tell the world what became durable (coordinator state, group offsets).
  for (let o = before; o < r.hw; o++) {
    const ob = r.entries[o].rec.observe;
    if (ob) ctx.observe(ob.name, { ...ob.data, partition: p, offset: o });
  }
  serveParked(ctx, env, p);
}

export function alterIsr(ctx: HostCtx, env: HostEnv, p: string, isr: string[]): void {
  const L = ctx.volatile.lead[p];
  if (!L || L.pendingIsr) return;
  L.pendingIsr = isr;
  sendAlter(ctx, env, p);
  ctx.observe("log.alter-isr", { partition: p, isr });
}

function sendAlter(ctx: HostCtx, env: HostEnv, p: string): void {
  const L = ctx.volatile.lead[p]!;
  const body = { partition: p, leaderEpoch: L.epoch, partitionEpoch: L.partitionEpoch, isr: L.pendingIsr };
  request(ctx, env.plan.controller, "AlterPartition", body, { kind: "alter", partition: p, epoch: L.epoch }, env.plan.settings.requestTimeoutMs);
}

/**
 * The controller's answer to AlterPartition. Only a refusal that left the ISR
 * unchanged ends the pending state; after a timeout or an ambiguous answer the
 * controller may have applied it, so the maximal ISR stays in force until
 * newer metadata arrives (KIP-497), and a lost request is sent again.
 */
export function onAlterDone(ctx: HostCtx, env: HostEnv, p: string, epoch: number, error: string | undefined): void {
  const L = ctx.volatile.lead[p];
  if (!L || L.epoch !== epoch || !L.pendingIsr || !error) return;
  if (error === "INELIGIBLE_REPLICA" || error === "INVALID_REQUEST") L.pendingIsr = null;
  else if (error === "REQUEST_TIMED_OUT" || error === "THROTTLED") sendAlter(ctx, env, p);
}

/** Shrinks the ISR by followers that have not caught up within replica.lag.time.max.ms. */
export function checkIsr(ctx: HostCtx, env: HostEnv): void {
  for (const p of Object.keys(ctx.volatile.lead)) {
    const L = ctx.volatile.lead[p];
    if (L.pendingIsr) continue;
    const lagging = L.isr.filter((f) => f !== ctx.id && ctx.now - (L.followers[f]?.caughtUpAt ?? 0) > env.plan.settings.replicaLagMs);
    if (lagging.length > 0) alterIsr(ctx, env, p, L.isr.filter((f) => !lagging.includes(f)));
  }
}

/** A follower fetched from `offset`: record its progress, maybe bring it back into the ISR. */
export function followerFetched(ctx: HostCtx, env: HostEnv, p: string, f: string, offset: number): void {
  const L = ctx.volatile.lead[p]!;
  const r = ctx.durable.replicas[p];
  const st = (L.followers[f] ??= { leo: 0, caughtUpAt: -Infinity });
  st.leo = offset;
  if (offset >= logEnd(r)) st.caughtUpAt = ctx.now;
  if (!maximalIsr(L).includes(f) && offset >= r.hw && offset >= L.epochStart && !L.pendingIsr) {
    alterIsr(ctx, env, p, [...L.isr, f]);
  }
  advanceHw(ctx, env, p);
}

/** A newer metadata version for a partition this host leads: adopt the ISR the controller committed. */
export function leaderMetadata(ctx: HostCtx, env: HostEnv, p: string, m: PartitionMeta): void {
  const L = ctx.volatile.lead[p]!;
  if (m.partitionEpoch <= L.partitionEpoch) return;
  L.partitionEpoch = m.partitionEpoch;
  L.isr = [...m.isr];
  L.pendingIsr = null;
  for (const f of m.isr) if (f !== ctx.id) L.followers[f] ??= { leo: 0, caughtUpAt: ctx.now };
  advanceHw(ctx, env, p);
}
