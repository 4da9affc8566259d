import type { Behavior } from "../../../kernel/behavior.ts";
import type { Message } from "../../../kernel/types.ts";
import { convOf, displayKey, usersOf, type ChatPlan } from "../plan.ts";
import type { ChatSettings } from "../settings.ts";
import type { ChatMsg, Entry } from "../wire.ts";
import { changeMembership, groupMessage, initialGroups, onGroupDone, onGroupEntries, tickGroups } from "./groups.ts";
import { ackCursor, pull, receive, showReceipt } from "./receive.ts";
import { newUser, toSendPath, toSocket, type ClientCtx, type ClientDurable, type ClientEnv, type ClientVolatile } from "./state.ts";

/** Every periodic duty of a device runs on one tick: cheap, and no timer bookkeeping. */
const TICK_MS = 25;

function quotaOf(plan: ChatPlan, node: string, messages: number): number {
  const n = plan.clients.length;
  const k = plan.clients.indexOf(node);
  return Math.floor(messages / n) + (k < messages % n ? 1 : 0);
}

function connect(ctx: ClientCtx, env: ClientEnv, user: string): void {
  const v = ctx.volatile;
  const { plan } = env;
  const peer = plan.design === "websocket" ? plan.sockets[0] : ctx.rng.pick(plan.sockets);
  const conn = ctx.connect(peer);
  v.conn[user] = conn;
  v.byConn[conn] = user;
  v.peer[conn] = peer;
  v.ready[user] = false;
  hello(ctx, user);
  ctx.observe("session.up", { user: env.key(user) });
  // A new socket: resend at once and restart the backoff.
  for (const p of Object.values(ctx.durable.users[user].outbox)) {
    p.lastTry = -Infinity;
    p.tries = 0;
  }
}

function hello(ctx: ClientCtx, user: string): void {
  ctx.volatile.helloAt[user] = ctx.now;
  toSocket(ctx, user, "c.hello", { user, cursor: ctx.durable.users[user].cursor });
}

function goOffline(ctx: ClientCtx, env: ClientEnv, user: string): void {
  const u = ctx.durable.users[user];
  u.online = false;
  u.offlineUntil = ctx.now + Math.min(ctx.rng.exp(env.s.offlineMs), 3 * env.s.offlineMs);
  const conn = ctx.volatile.conn[user];
  delete ctx.volatile.conn[user];
  if (conn !== undefined) {
    ctx.close(conn);
    ctx.observe("session.down", { user: env.key(user) });
  }
}

function goOnline(ctx: ClientCtx, env: ClientEnv, user: string): void {
  const u = ctx.durable.users[user];
  u.online = true;
  u.nextPoll = ctx.now;
  if (env.plan.sockets.length > 0) connect(ctx, env, user);
}

function transmit(ctx: ClientCtx, env: ClientEnv, user: string): void {
  for (const p of Object.values(ctx.durable.users[user].outbox)) {
    if (p.lastTry > ctx.now - env.s.retryMs * Math.min(2, 2 ** p.tries)) continue;
    p.lastTry = ctx.now;
    p.tries++;
    toSendPath(ctx, env, user, "c.send", { m: p.m });
  }
}

/** One user's periodic duties: churn, reconnect, hello retry, heartbeat, poll, resend, gap pull. */
function tickUser(ctx: ClientCtx, env: ClientEnv, user: string): void {
  const { s, plan } = env;
  const u = ctx.durable.users[user];
  const v = ctx.volatile;
  if (ctx.now >= u.nextChurn) {
    u.nextChurn += s.churnMs;
    if (u.online && ctx.now < s.churnUntilMs && ctx.rng.chance(s.connectChurn)) goOffline(ctx, env, user);
  }
  if (!u.online) {
    if (ctx.now >= u.offlineUntil) goOnline(ctx, env, user);
    return;
  }
  if (plan.sockets.length > 0) {
    // A broken socket is noticed only when onConnClosed says so.
    const conn = v.conn[user];
    if (conn === undefined) {
      if (ctx.now >= (v.reconnectAt[user] ?? 0)) connect(ctx, env, user);
      return;
    }
    if (!v.ready[user] && ctx.now - v.helloAt[user] > s.retryMs) hello(ctx, user);
    if (plan.registryMode === "connection-db" || plan.registryMode === "store") {
      if (ctx.now >= u.nextHb) {
        u.nextHb = ctx.now + s.hbMs;
        toSocket(ctx, user, "c.hb", { user });
      }
    }
  } else if (ctx.now >= u.nextPoll) {
    u.nextPoll = ctx.now + s.pollMs * (0.75 + 0.5 * ctx.rng.next());
    pull(ctx, env, user);
  }
  transmit(ctx, env, user);
  ackCursor(ctx, env, user);
  if (plan.groups.length > 0) tickGroups(ctx, env, user);
  const gapOld = u.gapSince >= 0 && ctx.now - u.gapSince > s.gapMs;
  if (gapOld && ctx.now - u.lastPull > s.retryMs && plan.sockets.length > 0) pull(ctx, env, user);
}

function newMessage(ctx: ClientCtx, env: ClientEnv): void {
  const d = ctx.durable;
  const from = ctx.rng.pick(env.users);
  const mid = `${ctx.id}#${d.sent++}`;
  const toGroup = env.plan.groups.length > 0 && ctx.rng.chance(env.s.groupShare);
  let m: ChatMsg | null = toGroup ? groupMessage(ctx, env, from, mid) : null;
  if (!m) {
    let k = ctx.rng.int(env.s.users - 1);
    if (`u${k}` === from) k = env.s.users - 1;
    const to = `u${k}`;
    m = { mid, from, to, conv: convOf(from, to), sentAt: ctx.now };
  }
  d.users[from].outbox[m.mid] = { m, lastTry: -Infinity, tries: 0 };
  ctx.observe("msg.send", { mid: m.mid, user: env.key(from) });
  if (d.users[from].online) transmit(ctx, env, from);
}

function onMessage(ctx: ClientCtx, env: ClientEnv, msg: Message): void {
  const b = msg.body as Record<string, any>;
  const u = ctx.durable.users[b?.user];
  if (!u) return;
  if (msg.type === "s.ack") {
    if (!u.outbox[b.mid] && ctx.variant !== "no-receipt-guard") return;
    delete u.outbox[b.mid];
    showReceipt(ctx, env, b.user, b.mid, 1);
  } else if (msg.type === "s.deliver") {
    if (b.ready && msg.conn === ctx.volatile.conn[b.user]) ctx.volatile.ready[b.user] = true;
    receive(ctx, env, b.user, b.entries as Entry[]);
  } else if (msg.type === "s.group") onGroupDone(ctx, b);
  else if (msg.type === "s.gdeliver") onGroupEntries(ctx, env, b);
  else if (msg.type === "wake") {
    ctx.observe("push.recv", { user: env.key(b.user) });
    if (!u.online) goOnline(ctx, env, b.user);
  }
}

/**
 * A client node: hosts several users (devices), each with its own socket,
 * outbox, cursor and receipts. Sends at the workload's rate, goes offline
 * and back per connectChurn, retries with the same message id.
 */
export function clientBehavior(node: string, plan: ChatPlan, s: ChatSettings): Behavior<ClientDurable, ClientVolatile> {
  const env: ClientEnv = { plan, s, users: usersOf(plan, node, s.users), key: (u) => displayKey(plan, u) };
  const quota = env.users.length > 0 ? quotaOf(plan, node, s.messages) : 0;
  const gapMs = (1000 * plan.clients.length) / s.ratePerSec;
  const memberGapMs = s.joinLeavePerSec > 0 && plan.groups.length > 0 ? (1000 * plan.clients.length) / s.joinLeavePerSec : 0;
  return {
    initDurable: () => ({ sent: 0, ops: 0, users: Object.fromEntries(env.users.map((u) => [u, { ...newUser(s), groups: initialGroups(plan, u) }])) }),
    initVolatile: () => ({ conn: {}, byConn: {}, ready: {}, helloAt: {}, reconnectAt: {}, peer: {} }),
    onStart(ctx) {
      ctx.setTimer(ctx.rng.next() * TICK_MS, "tick");
      if (ctx.durable.sent < quota) ctx.setTimer(ctx.rng.exp(gapMs), "send");
      if (memberGapMs > 0 && env.users.length > 0) ctx.setTimer(ctx.rng.exp(memberGapMs), "member");
    },
    onTimer(ctx, name, data) {
      if (name === "tick") {
        for (const user of env.users) tickUser(ctx, env, user);
        ctx.setTimer(TICK_MS, "tick");
      } else if (name === "send") {
        newMessage(ctx, env);
        if (ctx.durable.sent < quota) ctx.setTimer(ctx.rng.exp(gapMs), "send");
      } else if (name === "member") {
        // Joins and leaves race with sends until churn stops.
        if (ctx.now >= s.churnUntilMs) return;
        changeMembership(ctx, env);
        ctx.setTimer(ctx.rng.exp(memberGapMs), "member");
      } else if (name === "read") {
        const r = data as { by: string };
        toSendPath(ctx, env, r.by, "c.receipt", { ...r, state: 3 });
      }
    },
    onMessage: (ctx, msg) => onMessage(ctx, env, msg),
    onConnClosed(ctx, conn) {
      const v = ctx.volatile;
      const user = v.byConn[conn];
      delete v.byConn[conn];
      delete v.peer[conn];
      if (user === undefined || v.conn[user] !== conn) return;
      delete v.conn[user];
      v.reconnectAt[user] = ctx.now + s.reconnectMs * (0.5 + ctx.rng.next());
      ctx.observe("session.down", { user: env.key(user) });
    },
  };
}
