import type { NodeContext } from "../../../kernel/behavior.ts";
import type { LogPlan } from "../plan.ts";
import { request } from "../rpc.ts";
import type { FetchedRecord, FetchResp, Isolation } from "../wire.ts";
import { leaderOf, refreshMetadata, type WithMeta } from "./metadata.ts";

/**
 * The consumer's fetch path: Fetch from the partition leader at the
 * position, then the client-side half of read_committed: drop control
 * records and records of aborted transactions (rule 14).
 */
export interface PollSpec {
  readonly group: string;
  readonly isolation: Isolation;
  /** Bug variant read-uncommitted: a read_committed consumer reads to the HW and keeps aborted records. */
  readonly ignoreIsolation: boolean;
}

type Ctx = NodeContext<unknown, WithMeta>;

export function fetchPartition(ctx: Ctx, plan: LogPlan, spec: PollSpec, p: string, offset: number, round: number): void {
  const leader = leaderOf(ctx, p);
  if (!leader) {
    refreshMetadata(ctx, plan);
    return void ctx.setTimer(50, "poll.retry", { partition: p, round });
  }
  const isolation = spec.ignoreIsolation ? "read_uncommitted" : spec.isolation;
  const body = { partition: p, offset, isolation, maxRecords: 10 };
  request(ctx, leader, "Fetch", body, { kind: "fetch", partition: p, offset, round }, plan.settings.fetchWaitMs + plan.settings.requestTimeoutMs);
}

/** The records to hand to the application and the next position; null after an error (retry later). */
export function fetched(ctx: Ctx, plan: LogPlan, spec: PollSpec, p: string, body: FetchResp, round: number): { records: FetchedRecord[]; next: number } | null {
  if (body.error) {
    refreshMetadata(ctx, plan);
    ctx.setTimer(30 + ctx.rng.next() * 30, "poll.retry", { partition: p, round });
    return null;
  }
  const all = body.records ?? [];
  if (all.length === 0) return { records: [], next: -1 };
  const aborted = spec.isolation === "read_committed" && !spec.ignoreIsolation ? (body.aborted ?? []) : [];
  const records = all.filter((r) => !r.entry.control && !aborted.some((a) => a.pid === r.entry.pid && r.offset >= a.first && r.offset <= a.last));
  for (const r of records) {
    const e = r.entry;
    ctx.observe("log.read", { group: spec.group, isolation: spec.isolation, partition: p, offset: r.offset, id: e.rec.id, pid: e.pid, pepoch: e.pepoch, txn: e.txn });
  }
  return { records, next: all[all.length - 1].offset + 1 };
}
