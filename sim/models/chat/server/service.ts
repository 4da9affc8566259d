import type { Behavior, NodeContext } from "../../../kernel/behavior.ts";
import type { Message } from "../../../kernel/types.ts";
import { isGroup, listOf } from "../groups.ts";
import { clientOf as clientFor, displayKey, groupDbOf, storeOf, type ChatPlan } from "../plan.ts";
import type { ChatMsg, Entry, Via } from "../wire.ts";

interface ServiceVolatile {
  /** The User Socket Cache: user -> connection, and back. */
  socks: Record<string, number>;
  conns: Record<number, string>;
}

type Ctx = NodeContext<object, ServiceVolatile>;
type Body = Record<string, any>;

/** Answers a client: on its socket when the request came on one, else over HTTP. */
function toClient(ctx: NodeContext<any, any>, via: Via, type: string, body: unknown): void {
  if (via.conn === undefined) return void ctx.send(via.client, type, body);
  if (ctx.connOpen(via.conn)) ctx.send(via.client, type, body, { conn: via.conn });
}

/** Tells the sender its message is stored. A group message's recipients come back from the store: the members when it was admitted. */
export function ackSender(ctx: NodeContext<any, any>, plan: ChatPlan, m: ChatMsg, seq: number, via: Via, to?: string): void {
  const recipients = isGroup(m.to) ? listOf(to ?? "") : [m.to];
  ctx.observe("msg.ack", { mid: m.mid });
  ctx.observe("msg.accepted", { mid: m.mid, recipients: recipients.map((u) => displayKey(plan, u)) });
  toClient(ctx, via, "s.ack", { mid: m.mid, user: m.from, seq });
}

/**
 * The services a client talks to: the Messaging Service or API server that
 * takes a send, persists it and acknowledges, and the WebSocket server
 * (Messaging Service, Receive Service, chat server) that keeps the sockets,
 * registers users on connect and pushes what it is handed.
 */
export function serviceBehavior(plan: ChatPlan): Behavior<object, ServiceVolatile> {
  function onSend(ctx: Ctx, m: ChatMsg, via: Via): void {
    // The bug: tell the sender "stored" before the store said so.
    if (ctx.variant === "ack-before-persist") ackSender(ctx, plan, m, 0, via);
    ctx.send(storeOf(plan, m.to), "persist", { m, via });
  }

  function onPersisted(ctx: Ctx, b: Body): void {
    const m = b.m as ChatMsg;
    if (ctx.variant !== "ack-before-persist") ackSender(ctx, plan, m, b.seq, b.via, b.to);
    if (plan.storeTriggers || b.pos === undefined) return;
    const entry: Entry = { pos: b.pos, kind: "msg", mid: m.mid, from: m.from, conv: m.conv, seq: b.seq, sentAt: m.sentAt };
    if (plan.registryMode === "local") push(ctx, m.to, [entry], undefined);
    else if (plan.worker) ctx.send(plan.worker, "route", { user: m.to, entries: [entry] });
  }

  function push(ctx: Ctx, user: string, entries: Entry[], from: string | undefined): void {
    const conn = ctx.volatile.socks[user];
    if (conn !== undefined && ctx.connOpen(conn)) return void ctx.send(clientFor(plan, user), "s.deliver", { user, entries }, { conn });
    ctx.observe("push.miss", { user: displayKey(plan, user) });
    if (from) ctx.send(from, "push.miss", { user, entries });
  }

  function onHello(ctx: Ctx, msg: Message, b: Body): void {
    const v = ctx.volatile;
    const old = v.socks[b.user];
    if (old !== undefined && old !== msg.conn) delete v.conns[old];
    v.socks[b.user] = msg.conn!;
    v.conns[msg.conn!] = b.user;
    const via: Via = { client: msg.from, conn: msg.conn, replay: true };
    // Register before the replay read: a message persisted before the
    // registry write is in the replay; one persisted after finds this server.
    if (plan.registryMode === "connection-db") ctx.send(plan.registry!, "register", { user: b.user, cursor: b.cursor, via });
    else if (plan.registryMode === "store") ctx.send(storeOf(plan, b.user), "subscribe", { user: b.user, cursor: b.cursor, via });
    else ctx.send(storeOf(plan, b.user), "fetch", { user: b.user, from: b.cursor + 1, via });
  }

  function onEntries(ctx: Ctx, b: Body): void {
    const via = b.via as Via;
    if (via.replay) ctx.observe("replay", { user: displayKey(plan, b.user), count: b.entries.length });
    toClient(ctx, via, "s.deliver", { user: b.user, entries: b.entries, ready: via.replay === true });
  }

  function refresh(ctx: Ctx, user: string): void {
    if (ctx.volatile.socks[user] === undefined) return;
    if (plan.registryMode === "connection-db") ctx.send(plan.registry!, "register", { user });
    else if (plan.registryMode === "store") ctx.send(storeOf(plan, user), "subscribe", { user });
  }

  function handle(ctx: Ctx, msg: Message): void {
    const b = msg.body as Body;
    const via: Via = { client: b.client ?? msg.from, conn: msg.conn };
    switch (msg.type) {
      case "c.send":
        return onSend(ctx, b.m, via);
      case "persisted":
        return onPersisted(ctx, b);
      case "c.hello":
        return onHello(ctx, msg, b);
      case "registered":
        if (b.cursor !== undefined) ctx.send(storeOf(plan, b.user), "fetch", { user: b.user, from: b.cursor + 1, via: b.via });
        return;
      case "c.hb":
        return refresh(ctx, b.user);
      case "c.ack":
        return void ctx.send(storeOf(plan, b.user), "ack", { user: b.user, pos: b.pos });
      case "c.pull":
        return void ctx.send(storeOf(plan, b.user), "fetch", { user: b.user, from: b.from, via });
      case "entries":
        return onEntries(ctx, b);
      case "c.receipt":
        return void ctx.send(storeOf(plan, b.user), "receipt", b);
      case "push":
        return push(ctx, b.user, b.entries, msg.from);
      // Groups: joins and leaves go to the Group DB; a pulled group's stream is read on its home store.
      case "c.group":
        return void ctx.send(groupDbOf(plan, b.group), b.op === "join" ? "g.join" : "g.leave", { user: b.user, group: b.group, rid: b.rid, via });
      case "g.done":
        return toClient(ctx, b.via, "s.group", b);
      case "c.gpull":
        return void ctx.send(storeOf(plan, b.group), "gfetch", { user: b.user, group: b.group, from: b.from, via });
      case "gentries":
        return toClient(ctx, b.via, "s.gdeliver", b);
    }
  }

  return {
    initVolatile: () => ({ socks: {}, conns: {} }),
    onMessage: handle,
    onConnClosed(ctx, conn) {
      const v = ctx.volatile;
      const user = v.conns[conn];
      if (user === undefined) return;
      delete v.conns[conn];
      if (v.socks[user] !== conn) return;
      delete v.socks[user];
      if (plan.registryMode === "connection-db") ctx.send(plan.registry!, "unregister", { user });
      else if (plan.registryMode === "store") ctx.send(storeOf(plan, user), "unsubscribe", { user });
    },
  };
}
