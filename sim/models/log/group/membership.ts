import type { Message } from "../../../kernel/types.ts";
import { writeRecord } from "../coordinatorLog.ts";
import { reply } from "../rpc.ts";
import { newGroup, type GcCtx, type GcEnv, type Group, type GroupRecord } from "./state.ts";

/**
 * Membership: JoinGroup, SyncGroup, Heartbeat, session timeouts and
 * rebalances. A rebalance bumps the generation; the assignment is written to
 * `__consumer_offsets` before the group is Stable.
 */
export function groupOf(ctx: GcCtx, name: string, topic = ""): Group {
  return (ctx.volatile.groups[name] ??= newGroup(name, topic));
}

export function writeGroup(ctx: GcCtx, env: GcEnv, rec: GroupRecord, msg?: Message): void {
  const name = rec.kind === "offsets" ? "group.commit" : rec.kind === "group" ? "group.generation" : "group.txn-marker";
  const id = writeRecord(ctx, env.plan, { value: rec, observe: { name, data: { ...rec } } });
  ctx.volatile.conts[id] = { msg, rec };
}

export function prepareRebalance(ctx: GcCtx, env: GcEnv, g: Group, reason: string): void {
  if (g.state !== "PreparingRebalance") {
    g.state = "PreparingRebalance";
    ctx.observe("group.rebalance", { group: g.name, generation: g.generation, reason });
    for (const s of g.syncs) reply(ctx, s, { error: "REBALANCE_IN_PROGRESS" });
    g.syncs = [];
  }
  if (g.rebalanceTimer >= 0) ctx.cancelTimer(g.rebalanceTimer);
  g.rebalanceTimer = ctx.setTimer(env.plan.settings.rebalanceDelayMs, "rebalance", g.name);
}

/** The join phase ends when every member rejoined (after a short delay) or at the session timeout. */
export function onRebalanceTimer(ctx: GcCtx, env: GcEnv, name: string): void {
  const g = ctx.volatile.groups[name];
  // While loading, the old in-memory state is stale: only the log's state counts.
  if (!g || g.state !== "PreparingRebalance" || ctx.volatile.clog.loading) return;
  g.rebalanceTimer = -1;
  const joined = new Set(g.joins.map((j) => (j.body as { memberId: string }).memberId));
  const waitingOn = Object.keys(g.members).filter((m) => !joined.has(m) && ctx.now - g.members[m].lastHb <= env.plan.settings.sessionTimeoutMs);
  if (waitingOn.length > 0) {
    g.rebalanceTimer = ctx.setTimer(env.plan.settings.rebalanceDelayMs, "rebalance", g.name);
    return;
  }
  for (const m of Object.keys(g.members)) if (!joined.has(m)) delete g.members[m];
  g.generation++;
  const ids = Object.keys(g.members).sort();
  const parts = env.plan.topics[g.topic] ?? [];
  g.assignment = Object.fromEntries(ids.map((m) => [m, [] as string[]]));
  parts.forEach((p, i) => g.assignment[ids[i % ids.length]]?.push(p));
  g.state = ids.length ? "CompletingRebalance" : "Empty";
  for (const j of g.joins) reply(ctx, j, { memberId: (j.body as { memberId: string }).memberId, generation: g.generation });
  g.joins = [];
  writeGroup(ctx, env, { kind: "group", group: g.name, topic: g.topic, generation: g.generation, members: ids, assignment: g.assignment });
}

/** The generation's record is durable: the group is Stable and waiting syncs get their partitions. */
export function onGroupWritten(ctx: GcCtx, rec: Extract<GroupRecord, { kind: "group" }>): void {
  const g = ctx.volatile.groups[rec.group];
  if (!g || g.generation !== rec.generation || g.state !== "CompletingRebalance") return;
  g.state = "Stable";
  for (const s of g.syncs) reply(ctx, s, { assignment: g.assignment[(s.body as { memberId: string }).memberId] ?? [] });
  g.syncs = [];
}

export function onJoin(ctx: GcCtx, env: GcEnv, msg: Message): void {
  const b = msg.body as { group: string; topic: string; memberId: string | null };
  const g = groupOf(ctx, b.group, b.topic);
  g.topic ||= b.topic;
  let memberId = b.memberId;
  if (!memberId) memberId = `${msg.from}/${ctx.durable.boots}.${ctx.volatile.nextMember++}`;
  else if (!g.members[memberId]) return reply(ctx, msg, { error: "UNKNOWN_MEMBER_ID" });
  g.members[memberId] = { node: msg.from, lastHb: ctx.now };
  g.joins = g.joins.filter((j) => (j.body as { memberId: string }).memberId !== memberId);
  g.joins.push({ ...msg, body: { ...b, memberId } });
  if (g.state !== "PreparingRebalance") prepareRebalance(ctx, env, g, b.memberId ? "rejoin" : "new member");
}

export function onSync(ctx: GcCtx, msg: Message): void {
  const b = msg.body as { group: string; memberId: string; generation: number };
  const g = ctx.volatile.groups[b.group];
  if (!g || !g.members[b.memberId]) return reply(ctx, msg, { error: "UNKNOWN_MEMBER_ID" });
  if (g.generation !== b.generation) return reply(ctx, msg, { error: "ILLEGAL_GENERATION" });
  if (g.state === "PreparingRebalance") return reply(ctx, msg, { error: "REBALANCE_IN_PROGRESS" });
  if (g.state === "Stable") return reply(ctx, msg, { assignment: g.assignment[b.memberId] ?? [] });
  g.syncs.push(msg);
}

export function onHeartbeat(ctx: GcCtx, msg: Message): void {
  const b = msg.body as { group: string; memberId: string; generation: number };
  const g = ctx.volatile.groups[b.group];
  const m = g?.members[b.memberId];
  if (!g || !m) return reply(ctx, msg, { error: "UNKNOWN_MEMBER_ID" });
  m.lastHb = ctx.now;
  if (g.state === "PreparingRebalance") return reply(ctx, msg, { error: "REBALANCE_IN_PROGRESS" });
  if (g.generation !== b.generation) return reply(ctx, msg, { error: "ILLEGAL_GENERATION" });
  reply(ctx, msg, {});
}

/** Members silent for longer than the session timeout leave; the group rebalances. */
export function checkSessions(ctx: GcCtx, env: GcEnv): void {
  for (const g of Object.values(ctx.volatile.groups)) {
    const expired = Object.keys(g.members).filter((m) => ctx.now - g.members[m].lastHb > env.plan.settings.sessionTimeoutMs);
    if (expired.length === 0) continue;
    for (const m of expired) {
      delete g.members[m];
      ctx.observe("group.member-expired", { group: g.name, member: m, generation: g.generation });
    }
    prepareRebalance(ctx, env, g, "session timeout");
  }
}
