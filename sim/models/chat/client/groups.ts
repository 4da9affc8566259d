import { groupDef, type ChatPlan } from "../plan.ts";
import type { ChatMsg, Entry } from "../wire.ts";
import { handle } from "./receive.ts";
import { toRecvPath, toSocket, type ClientCtx, type ClientEnv, type MemberView } from "./state.ts";

/** The groups a user starts in (every node derives them from the workload). */
export function initialGroups(plan: ChatPlan, user: string): Record<string, MemberView> {
  const out: Record<string, MemberView> = {};
  for (const g of plan.groups) if (g.members.includes(user)) out[g.id] = { in: true, cur: 0, until: Infinity };
  return out;
}

/** Joins and leaves go to the Group Service over HTTP where one is drawn, else on the socket. */
function toGroupPath(ctx: ClientCtx, env: ClientEnv, user: string, body: Record<string, unknown>): void {
  if (env.plan.groupService) return void ctx.send(env.plan.groupService, "c.group", { ...body, client: ctx.id });
  toSocket(ctx, user, "c.group", body);
}

/**
 * The workload's membership churn: a random local user leaves one of its
 * groups or joins one it is not in, with even odds, so sizes stay near
 * where they started.
 */
export function changeMembership(ctx: ClientCtx, env: ClientEnv): void {
  const user = ctx.rng.pick(env.users);
  const u = ctx.durable.users[user];
  const leave = ctx.rng.chance(0.5);
  const pool = env.plan.groups.map((g) => g.id).filter((g) => (u.groups[g]?.in ?? false) === leave);
  if (pool.length === 0) return;
  const group = ctx.rng.pick(pool);
  const view = (u.groups[group] ??= { in: false, cur: 0, until: 0 });
  if (view.op) return;
  view.op = { kind: leave ? "leave" : "join", rid: `${ctx.id}~${ctx.durable.ops++}`, lastTry: -Infinity };
  ctx.observe("group.request", { user: env.key(user), group, op: view.op.kind });
}

/** A group message from `from` to one of its groups (with @mentions per mentionShare); null if it is in none. */
export function groupMessage(ctx: ClientCtx, env: ClientEnv, from: string, mid: string): ChatMsg | null {
  const mine = Object.entries(ctx.durable.users[from].groups).filter(([, v]) => v.in).map(([g]) => g);
  if (mine.length === 0) return null;
  const group = ctx.rng.pick(mine);
  const m: ChatMsg = { mid, from, to: group, conv: group, sentAt: ctx.now };
  if (!ctx.rng.chance(env.s.mentionShare)) return m;
  // The sender names people it knows to be in the group (its first members).
  const known = groupDef(env.plan, group)!.members.filter((x) => x !== from);
  if (known.length === 0) return m;
  const mentions = [ctx.rng.pick(known)];
  if (known.length > 1 && ctx.rng.chance(0.5)) mentions.push(ctx.rng.pick(known.filter((x) => x !== mentions[0])));
  return { ...m, mentions };
}

/** An online user's group duties: resend an unanswered join or leave, read the pulled groups. */
export function tickGroups(ctx: ClientCtx, env: ClientEnv, user: string): void {
  const u = ctx.durable.users[user];
  for (const [group, view] of Object.entries(u.groups)) {
    if (!view.op || view.op.lastTry > ctx.now - env.s.retryMs) continue;
    view.op.lastTry = ctx.now;
    toGroupPath(ctx, env, user, { user, group, op: view.op.kind, rid: view.op.rid });
  }
  if (ctx.now < u.nextGPoll) return;
  u.nextGPoll = ctx.now + env.s.groupPollMs;
  for (const [group, view] of Object.entries(u.groups)) {
    if (!groupDef(env.plan, group)?.large || (!view.in && view.cur >= view.until)) continue;
    if (view.pulledAt !== undefined && view.pulledAt > ctx.now - env.s.retryMs) continue;
    view.pulledAt = ctx.now;
    ctx.observe("group.pull", { user: env.key(user), group });
    toRecvPath(ctx, env, user, "c.gpull", { user, group, from: view.cur + 1 });
  }
}

/** The Group DB's answer to a join (bound: first seq to read) or a leave (bound: last seq to read). */
export function onGroupDone(ctx: ClientCtx, b: Record<string, any>): void {
  const view = ctx.durable.users[b.user]?.groups[b.group];
  if (!view?.op || view.op.rid !== b.rid) return;
  delete view.op;
  view.in = b.op === "join";
  if (!view.in) view.until = b.bound;
  else {
    // Nothing older is owed once the last membership has been read through.
    if (view.cur >= view.until) view.cur = Math.max(view.cur, b.bound - 1);
    view.until = Infinity;
  }
}

/** A read of a pulled group's stream: show what is new in seq order, move the cursor. */
export function onGroupEntries(ctx: ClientCtx, env: ClientEnv, b: Record<string, any>): void {
  const u = ctx.durable.users[b.user];
  const view = u?.groups[b.group];
  if (!view) return;
  delete view.pulledAt;
  const entries = (b.entries as Entry[]).filter((e) => e.seq > view.cur).sort((a, c) => a.seq - c.seq);
  for (const e of entries) handle(ctx, env, b.user, u, e);
  view.cur = Math.max(view.cur, b.upTo);
}
