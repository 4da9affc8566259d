import type { Message } from "../../../kernel/types.ts";
import { reply } from "../rpc.ts";
import type { MetadataTable, PartitionMeta } from "../wire.ts";
import type { HostCtx, HostEnv } from "./state.ts";

/**
 * The KRaft controller, co-located with the first broker (combined mode,
 * one voter): it registers hosts by heartbeat, fences those whose session
 * expires or who come back as a new incarnation, elects leaders from the ISR
 * only (unclean election off) and applies AlterPartition from leaders.
 */
export interface ControllerDurable {
  table: MetadataTable;
  version: number;
  tokens: Record<string, number>;
  /** Fenced hosts are in the metadata log too (KRaft's registration records): a restarted controller keeps them. */
  fenced: Record<string, true>;
}

export interface ControllerVolatile {
  lastHb: Record<string, number>;
}

export function controllerStart(ctx: HostCtx, env: HostEnv): void {
  ctx.durable.controller ??= { table: structuredClone(env.plan.assignment) as MetadataTable, version: 1, tokens: {}, fenced: {} };
  const lastHb: Record<string, number> = {};
  for (const h of env.plan.hosts) lastHb[h] = ctx.now;
  ctx.volatile.ctl = { lastHb };
  ctx.setTimer(env.plan.settings.brokerHeartbeatMs, "ctl.tick");
}

function broadcast(ctx: HostCtx, env: HostEnv): void {
  const c = ctx.durable.controller!;
  c.version++;
  for (const h of env.plan.hosts) ctx.send(h, "UpdateMetadata", { version: c.version, table: c.table });
}

/** Every change bumps the partition epoch; a new leadership (even the same host again) bumps the leader epoch. */
function update(ctx: HostCtx, p: string, next: Pick<PartitionMeta, "isr"> & { leader?: string | null }): void {
  const c = ctx.durable.controller!;
  const m = c.table[p];
  const newLeader = next.leader !== undefined;
  const entry: PartitionMeta = {
    ...m,
    isr: [...next.isr],
    leader: newLeader ? next.leader! : m.leader,
    partitionEpoch: m.partitionEpoch + 1,
    leaderEpoch: m.leaderEpoch + (newLeader ? 1 : 0),
  };
  // Copy on write: tables already sent to hosts and clients are theirs and must not change under them.
  c.table = { ...c.table, [p]: entry };
  ctx.observe("controller.partition", { partition: p, leader: entry.leader, leaderEpoch: entry.leaderEpoch, isr: entry.isr });
}

/** Removes a host from every ISR (never emptying one) and moves its leaderships to another ISR member. */
function fence(ctx: HostCtx, h: string): void {
  const v = ctx.durable.controller!;
  v.fenced[h] = true;
  ctx.observe("controller.fence", { host: h });
  const table = ctx.durable.controller!.table;
  for (const p of Object.keys(table)) {
    const m = table[p];
    if (!m.isr.includes(h) && m.leader !== h) continue;
    const isr = m.isr.length > 1 ? m.isr.filter((x) => x !== h) : [...m.isr];
    if (m.leader !== h) {
      if (isr.length !== m.isr.length) update(ctx, p, { isr });
      continue;
    }
    const next = isr.find((x) => x !== h && !v.fenced[x]) ?? null;
    update(ctx, p, { isr, leader: next });
  }
}

/** A fenced host is back: it leads the offline partitions whose ISR it is in. */
function unfence(ctx: HostCtx, h: string): void {
  const v = ctx.durable.controller!;
  delete v.fenced[h];
  ctx.observe("controller.unfence", { host: h });
  const table = ctx.durable.controller!.table;
  for (const p of Object.keys(table)) {
    if (table[p].leader === null && table[p].isr.includes(h)) update(ctx, p, { isr: table[p].isr, leader: h });
  }
}

export function onBrokerHeartbeat(ctx: HostCtx, env: HostEnv, msg: Message): void {
  const c = ctx.durable.controller!;
  const v = ctx.volatile.ctl!;
  const fenced = c.fenced;
  const { token, version } = msg.body as { token: number; version: number };
  const h = msg.from;
  v.lastHb[h] = ctx.now;
  const known = c.tokens[h];
  c.tokens[h] = token;
  let changed = false;
  if (known !== undefined && known !== token && !fenced[h]) {
    fence(ctx, h); // restarted: its leaderships and ISR places were of a lost incarnation
    changed = true;
  }
  if (fenced[h]) {
    unfence(ctx, h);
    changed = true;
  }
  if (changed) broadcast(ctx, env);
  reply(ctx, msg, version < c.version ? { version: c.version, table: c.table } : {});
}

export function onControllerTick(ctx: HostCtx, env: HostEnv): void {
  const v = ctx.volatile.ctl!;
  let changed = false;
  for (const h of env.plan.hosts) {
    if (h === ctx.id || ctx.durable.controller!.fenced[h]) continue;
    if (ctx.now - (v.lastHb[h] ?? 0) > env.plan.settings.brokerSessionMs) {
      fence(ctx, h);
      changed = true;
    }
  }
  if (changed) broadcast(ctx, env);
  ctx.setTimer(env.plan.settings.brokerHeartbeatMs, "ctl.tick");
}

/** AlterPartition: only the current leader, at the current epochs, may change the ISR; joiners must be live. */
export function onAlterPartition(ctx: HostCtx, env: HostEnv, msg: Message): void {
  const c = ctx.durable.controller!;
  const b = msg.body as { partition: string; leaderEpoch: number; partitionEpoch: number; isr: string[] };
  const m = c.table[b.partition];
  let error: string | undefined;
  if (!m || m.leader !== msg.from || m.leaderEpoch !== b.leaderEpoch) error = "FENCED_LEADER_EPOCH";
  else if (m.partitionEpoch !== b.partitionEpoch) error = "INVALID_UPDATE_VERSION";
  else if (b.isr.some((x) => !m.replicas.includes(x) || (!m.isr.includes(x) && c.fenced[x]))) error = "INELIGIBLE_REPLICA";
  else if (!b.isr.includes(msg.from)) error = "INVALID_REQUEST";
  if (!error) {
    update(ctx, b.partition, { isr: b.isr });
    broadcast(ctx, env);
  }
  reply(ctx, msg, error ? { error } : {});
}
