import { append, endOffsetFor, lastEpoch, logEnd, truncate } from "../replica/replica.ts";
import { request } from "../rpc.ts";
import type { FetchResp } from "../wire.ts";
import { observeHw } from "./leader.ts";
import type { HostCtx, HostEnv } from "./state.ts";

/**
 * The follower side: fetch from the leader of the current epoch, truncate
 * where the logs diverge (KIP-101 leader epochs, validated on every fetch as
 * since KIP-320), append what comes back and follow the leader's HW.
 */
export function follow(ctx: HostCtx, env: HostEnv, p: string, leader: string, epoch: number): void {
  const v = ctx.volatile;
  v.follow[p] = { leader, epoch, session: v.nextSession++ };
  fetchFrom(ctx, env, p);
}

export function fetchFrom(ctx: HostCtx, env: HostEnv, p: string): void {
  const f = ctx.volatile.follow[p];
  if (!f) return;
  const r = ctx.durable.replicas[p];
  const body = { partition: p, offset: logEnd(r), lastFetchedEpoch: lastEpoch(r), leaderEpoch: f.epoch, replicaId: ctx.id, isolation: "log_end" };
  const s = env.plan.settings;
  request(ctx, f.leader, "Fetch", body, { kind: "replica-fetch", partition: p, session: f.session }, s.fetchWaitMs + s.requestTimeoutMs);
}

export function onReplicaFetched(ctx: HostCtx, env: HostEnv, p: string, session: number, resp: FetchResp & { diverging?: { epoch: number; endOffset: number } }): void {
  const f = ctx.volatile.follow[p];
  if (!f || f.session !== session) return;
  const r = ctx.durable.replicas[p];
  if (resp.error) {
    // Not (yet) the leader at our epoch: wait for metadata, then try again.
    ctx.setTimer(resp.error === "REQUEST_TIMED_OUT" ? 0 : 50, "follower.retry", { partition: p, session });
    return;
  }
  if (resp.diverging) {
    const own = endOffsetFor(r, resp.diverging.epoch).endOffset;
    const to = Math.min(resp.diverging.endOffset, own, logEnd(r));
    ctx.observe("log.truncate", { partition: p, from: logEnd(r), to, hw: r.hw, leaderEpoch: f.epoch });
    truncate(r, to);
    if (r.hw > to) r.hw = to;
  } else {
    for (const x of resp.records ?? []) if (x.offset === logEnd(r)) append(r, x.entry);
    const hw = Math.min(resp.hw ?? 0, logEnd(r));
    if (hw > r.hw) r.hw = hw;
    observeHw(ctx, p, false, false);
  }
  fetchFrom(ctx, env, p);
}

export function onFollowerRetry(ctx: HostCtx, env: HostEnv, data: { partition: string; session: number }): void {
  const f = ctx.volatile.follow[data.partition];
  if (f && f.session === data.session) fetchFrom(ctx, env, data.partition);
}
