import { isGroup } from "../groups.ts";
import type { Entry } from "../wire.ts";
import { toRecvPath, toSendPath, type ClientCtx, type ClientEnv, type UserState } from "./state.ts";

/**
 * Shows a receipt state only when it moves forward (a late "delivered"
 * after "read", or a retried send's "sent" after "delivered", is ignored).
 */
export function showReceipt(ctx: ClientCtx, env: ClientEnv, user: string, mid: string, state: number): void {
  const u = ctx.durable.users[user];
  const shown = u.rcpt[mid] ?? 0;
  // The bug: show whatever arrives last, as long as it differs.
  if (ctx.variant === "no-receipt-guard" ? state === shown : state <= shown) return;
  u.rcpt[mid] = state;
  ctx.observe("receipt.show", { mid, user: env.key(user), state });
}

function display(ctx: ClientCtx, env: ClientEnv, user: string, e: Entry): void {
  ctx.observe("msg.display", { mid: e.mid, recipient: env.key(user), latencyMs: ctx.now - e.sentAt, conv: e.conv, seq: e.seq });
}

/** Handles one entry in queue order: show a message once, apply a receipt, or read a mention's group. */
export function handle(ctx: ClientCtx, env: ClientEnv, user: string, u: UserState, e: Entry): void {
  if (e.kind === "receipt") return showReceipt(ctx, env, user, e.mid, e.state ?? 0);
  if (e.kind === "mention") {
    // A pulled group's message mentions this user: read the group now.
    const view = u.groups[e.conv];
    if (!view || u.shown[e.mid]) return;
    ctx.observe("group.pull", { user: env.key(user), group: e.conv });
    return void toRecvPath(ctx, env, user, "c.gpull", { user, group: e.conv, from: view.cur + 1 });
  }
  if (u.shown[e.mid] && ctx.variant !== "no-client-dedup") return;
  u.shown[e.mid] = true;
  display(ctx, env, user, e);
  // Group receipts (who of many has read) are not modelled.
  if (!env.s.receipts || isGroup(e.conv)) return;
  // "Delivered" comes from the store when this client's ack passes the
  // message; "read" is the user's own act, sent when the message is seen.
  ctx.setTimer(env.s.readMs, "read", { user: e.from, mid: e.mid, by: user, conv: e.conv });
}

/**
 * Entries arrive pushed, replayed or pulled, possibly twice and out of
 * order. The client shows them in queue order, each once, holds what
 * follows a gap until a pull fills it, and acknowledges its cursor.
 */
export function receive(ctx: ClientCtx, env: ClientEnv, user: string, entries: readonly Entry[]): void {
  const u = ctx.durable.users[user];
  for (const e of [...entries].sort((a, b) => a.pos - b.pos)) {
    if (e.pos <= u.cursor) {
      // The bug: trust the transport to deliver once.
      if (ctx.variant === "no-client-dedup" && e.kind === "msg") display(ctx, env, user, e);
      continue;
    }
    // The bug: show in arrival order instead of the server's.
    if (ctx.variant === "no-sequence") handle(ctx, env, user, u, e);
    u.buf[e.pos] = e;
  }
  while (u.buf[u.cursor + 1]) {
    const e = u.buf[u.cursor + 1];
    delete u.buf[++u.cursor];
    handle(ctx, env, user, u, e);
  }
  const gap = Object.keys(u.buf).length > 0;
  u.gapSince = gap ? (u.gapSince >= 0 ? u.gapSince : ctx.now) : -1;
}

/** Acknowledges the cursor, at most every ackMs: the server's pointer follows it. */
export function ackCursor(ctx: ClientCtx, env: ClientEnv, user: string): void {
  const u = ctx.durable.users[user];
  if (u.cursor <= u.acked || ctx.now - u.ackedAt < env.s.ackMs || env.plan.sockets.length === 0) return;
  u.acked = u.cursor;
  u.ackedAt = ctx.now;
  toRecvPath(ctx, env, user, "c.ack", { user, pos: u.cursor });
}

/** Asks for everything after the cursor (a gap pull, or a poll). */
export function pull(ctx: ClientCtx, env: ClientEnv, user: string): void {
  const u = ctx.durable.users[user];
  u.lastPull = ctx.now;
  toRecvPath(ctx, env, user, "c.pull", { user, from: u.cursor + 1 });
}
