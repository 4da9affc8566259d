import type { NodeContext } from "../../../kernel/behavior.ts";
import type { LogPlan } from "../plan.ts";
import { request, type RpcState } from "../rpc.ts";
import type { MetadataTable } from "../wire.ts";

/** A client's cached view of partition leaders, refreshed from any host (Metadata). */
export interface MetaCache {
  table: MetadataTable;
  version: number;
  asking: boolean;
  next: number;
}

export interface WithMeta {
  rpc: RpcState;
  meta: MetaCache;
}

export const metaInit = (plan: LogPlan): MetaCache => ({ table: structuredClone(plan.assignment) as MetadataTable, version: 0, asking: false, next: 0 });

export function leaderOf(ctx: NodeContext<unknown, WithMeta>, p: string): string | null {
  return ctx.volatile.meta.table[p]?.leader ?? null;
}

/** Asks the next host in turn for metadata (one request at a time). */
export function refreshMetadata(ctx: NodeContext<unknown, WithMeta>, plan: LogPlan): void {
  const m = ctx.volatile.meta;
  if (m.asking) return;
  m.asking = true;
  const host = plan.hosts[m.next++ % plan.hosts.length];
  request(ctx, host, "Metadata", {}, { kind: "meta" }, plan.settings.requestTimeoutMs);
}

export function onMetadata(ctx: NodeContext<unknown, WithMeta>, body: { table?: MetadataTable; version?: number }): void {
  const m = ctx.volatile.meta;
  m.asking = false;
  if (body.table && (body.version ?? 0) > m.version) {
    m.table = body.table;
    m.version = body.version!;
  }
}

/** Errors after which a client should look the leader up again. */
export const STALE_LEADER = new Set(["NOT_LEADER_OR_FOLLOWER", "FENCED_LEADER_EPOCH", "UNKNOWN_LEADER_EPOCH", "REQUEST_TIMED_OUT", "OFFSET_NOT_AVAILABLE", "NOT_ENOUGH_REPLICAS", "THROTTLED"]);
