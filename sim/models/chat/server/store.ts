import type { Behavior, NodeContext } from "../../../kernel/behavior.ts";
import type { Message } from "../../../kernel/types.ts";
import { isGroup } from "../groups.ts";
import { displayKey, storeOf, type ChatPlan } from "../plan.ts";
import type { ChatSettings } from "../settings.ts";
import type { ChatMsg, Entry, Via } from "../wire.ts";
import { fanoutHandle, fanoutSlot, fanoutTick, type FanoutState } from "./fanout.ts";
import { groupDbHandle, initGroupDb, seedGroupDb, type GroupDbState } from "./groupDb.ts";
import { pushMentions } from "./helpers.ts";
import { readerDurable, readerMessage, readerStart, readerTimer, readerVolatile, type ReaderDurable, type ReaderVolatile } from "./queueReader.ts";
import { initStreams, persistGroup, streamHandle, streamSweep, type StreamDurable } from "./stream.ts";

/** One user's ordered queue: entries past the pointer, trimmed below it. */
interface UserQueue {
  head: number;
  /** Highest position the user's client acknowledged; moves only on its ack. */
  pointer: number;
  entries: { e: Entry; routedAt: number; tries: number }[];
  /** Registry kept by the store itself (sync queues, noSQL store). */
  sub?: { gw: string; exp: number };
  notifiedAt: number;
}

interface StoreDurable extends StreamDurable, Partial<ReaderDurable> {
  msgs: Record<string, { pos: number; seq: number; to: string }>;
  seqs: Record<string, number>;
  users: Record<string, UserQueue>;
  /** Group copies written to members' queues: `mid>user` -> position (idempotent writes). */
  copies: Record<string, number>;
  /** Where no Group DB or Group Worker is drawn (sync queues), a group's home store plays them. */
  gdb?: GroupDbState;
  fan?: FanoutState;
}

interface StoreVolatile extends Partial<ReaderVolatile> {
  fan: FanoutState;
}

type Ctx = NodeContext<StoreDurable, StoreVolatile>;

/** Entries one redelivery sends to a user. */
const REDELIVER_BATCH = 40;

function queueOf(ctx: Ctx, user: string): UserQueue {
  return (ctx.durable.users[user] ??= { head: 0, pointer: 0, entries: [], notifiedAt: -Infinity });
}

/**
 * A durable store of per-user queues (Messaging DB, sync queue, noSQL
 * store): it deduplicates by message id, assigns the per-conversation
 * sequence and the queue position in one write, and redelivers what no
 * client has acknowledged.
 */
export function storeBehavior(plan: ChatPlan, s: ChatSettings): Behavior<StoreDurable, StoreVolatile> {
  /** Behind a message queue the durable write, and the persist, happened there. */
  const entryPoint = plan.log === undefined;
  const key = (u: string) => displayKey(plan, u);
  const hostsGroups = plan.groups.length > 0 && plan.groupDb === undefined;
  const slot = fanoutSlot((ctx) => (ctx as Ctx).durable.fan!, (ctx) => (ctx as Ctx).volatile.fan);

  /**
   * Moves a user's pointer and trims below it. The client's ack is also the
   * "delivered" receipt: each trimmed message tells its sender.
   */
  function movePointer(ctx: Ctx, user: string, pos: number): void {
    const q = queueOf(ctx, user);
    if (pos <= q.pointer) return;
    q.pointer = Math.min(pos, q.head);
    const gone = q.entries.filter((x) => x.e.pos <= q.pointer);
    q.entries = q.entries.filter((x) => x.e.pos > q.pointer);
    if (!s.receipts) return;
    for (const { e } of gone) {
      if (e.kind !== "msg" || isGroup(e.conv)) continue;
      const r = { user: e.from, mid: e.mid, by: user, conv: e.conv, state: 2 };
      if (storeOf(plan, e.from) === ctx.id) receipt(ctx, r);
      else ctx.send(storeOf(plan, e.from), "receipt", r);
    }
  }

  function receipt(ctx: Ctx, b: Record<string, any>): void {
    const e = append(ctx, b.user, { kind: "receipt", mid: b.mid, from: b.by, conv: b.conv, seq: 0, sentAt: ctx.now, state: b.state });
    route(ctx, b.user, [e]);
  }

  /**
   * A push per new message to an offline user; the sweep's repeats are
   * throttled once the notification service has confirmed one.
   */
  function notify(ctx: Ctx, user: string, q: UserQueue, fresh: boolean): void {
    if (plan.design !== "notify" || ctx.variant === "no-offline-push") return;
    if (!fresh && ctx.now - q.notifiedAt < s.renotifyMs) return;
    ctx.send(plan.notifier!, "notify", { user });
  }

  /** Starts delivery of entries to wherever the user's socket is thought to be. */
  function route(ctx: Ctx, user: string, entries: Entry[], fresh = true): void {
    const q = queueOf(ctx, user);
    if (plan.registryMode === "local") ctx.send(plan.sockets[0], "push", { user, entries });
    else if (plan.registryMode === "connection-db") ctx.send(plan.worker!, "route", { user, entries });
    else if (plan.registryMode === "store") {
      if (q.sub && q.sub.exp > ctx.now) {
        ctx.send(q.sub.gw, "push", { user, entries });
        // The bugs: treat handing the entries to a server as delivery.
        if (ctx.variant === "pointer-on-send" || ctx.variant === "trust-stale-registry") movePointer(ctx, user, Math.max(...entries.map((e) => e.pos)));
      } else {
        ctx.observe("route.offline", { user: key(user) });
        notify(ctx, user, q, fresh);
        pushMentions(ctx, plan, user, entries);
      }
    }
  }

  function append(ctx: Ctx, user: string, e: Omit<Entry, "pos">): Entry {
    const q = queueOf(ctx, user);
    const entry: Entry = { ...e, pos: ++q.head };
    q.entries.push({ e: entry, routedAt: ctx.now, tries: 0 });
    return entry;
  }

  function persist(ctx: Ctx, msg: Message, body: { m: ChatMsg; via: Via }): void {
    const { m, via } = body;
    if (isGroup(m.to)) return persistGroup(ctx, plan, msg, m, via);
    const known = write(ctx, m);
    ctx.send(msg.from, "persisted", { mid: m.mid, pos: known.pos, seq: known.seq, m, via });
  }

  /** One write: dedup by id, the conversation's next sequence and the recipient's queue position. */
  function write(ctx: Ctx, m: ChatMsg): { pos: number; seq: number } {
    const d = ctx.durable;
    let known = d.msgs[m.mid];
    if (known) ctx.observe("msg.dedup", { mid: m.mid });
    else {
      const seq = (d.seqs[m.conv] = (d.seqs[m.conv] ?? 0) + 1);
      const entry = append(ctx, m.to, { kind: "msg", mid: m.mid, from: m.from, conv: m.conv, seq, sentAt: m.sentAt });
      known = d.msgs[m.mid] = { pos: entry.pos, seq, to: m.to };
      ctx.observe(entryPoint ? "msg.persist" : "msg.stored", { mid: m.mid, recipients: [key(m.to)] });
      if (plan.storeTriggers) route(ctx, m.to, [entry]);
    }
    return known;
  }

  /** One member's copy of a group message (or of a mention), written once whatever the retries. */
  function copy(ctx: Ctx, msg: Message, b: Record<string, any>): void {
    const id = `${b.mid}>${b.user}${b.kind === "mention" ? "@" : ""}`;
    if (ctx.durable.copies[id] === undefined) {
      const entry = append(ctx, b.user, { kind: b.kind, mid: b.mid, from: b.from, conv: b.group, seq: b.seq, sentAt: b.sentAt, ...(b.mention ? { mention: true } : {}) });
      ctx.durable.copies[id] = entry.pos;
      ctx.observe("group.write", { mid: b.mid, group: b.group, member: key(b.user), kind: b.kind });
      route(ctx, b.user, [entry]);
    }
    ctx.send(msg.from, "gwritten", { mid: b.mid, user: b.user, kind: b.kind });
  }

  function fetch(ctx: Ctx, user: string, from: number): Entry[] {
    movePointer(ctx, user, from - 1);
    return queueOf(ctx, user).entries.map((x) => x.e);
  }

  function sweep(ctx: Ctx): void {
    for (const [user, q] of Object.entries(ctx.durable.users)) {
      // Back off per entry, so an overloaded server is not buried in redeliveries.
      if (!q.entries.some((x) => x.routedAt < ctx.now - s.redeliverMs * Math.min(2, 2 ** x.tries))) continue;
      // At most a batch at a time; what lies past it stays due, so it goes once the client has acknowledged the batch.
      const batch = q.entries.slice(0, REDELIVER_BATCH);
      for (const x of batch) {
        x.routedAt = ctx.now;
        x.tries++;
      }
      route(ctx, user, batch.map((x) => x.e), false);
    }
  }

  function handle(ctx: Ctx, msg: Message): void {
    if (plan.log && readerMessage(ctx as never, plan, msg, write)) return;
    const b = msg.body as Record<string, any>;
    if (streamHandle(ctx, plan, s, msg)) return;
    if (hostsGroups && (groupDbHandle(ctx, plan, ctx.durable.gdb!, msg) || fanoutHandle(ctx, plan, s, slot, msg))) return;
    switch (msg.type) {
      case "gwrite":
        return copy(ctx, msg, b);
      case "persist":
        return persist(ctx, msg, b as { m: ChatMsg; via: Via });
      case "fetch":
        return void ctx.send(msg.from, "entries", { user: b.user, entries: fetch(ctx, b.user, b.from), via: b.via });
      case "ack":
      case "delivered":
        return movePointer(ctx, b.user, b.pos);
      case "receipt":
        return receipt(ctx, b);
      case "subscribe": {
        const q = queueOf(ctx, b.user);
        q.sub = { gw: msg.from, exp: ctx.now + s.ttlMs };
        if (b.cursor === undefined) return;
        return void ctx.send(msg.from, "entries", { user: b.user, entries: fetch(ctx, b.user, b.cursor + 1), via: b.via, replay: true });
      }
      case "notified":
        return void (queueOf(ctx, b.user).notifiedAt = ctx.now);
      case "unsubscribe":
      case "push.miss": {
        const q = queueOf(ctx, b.user);
        if (q.sub?.gw === msg.from) delete q.sub;
        if (msg.type !== "push.miss") return;
        notify(ctx, b.user, q, true);
        return pushMentions(ctx, plan, b.user, b.entries);
      }
    }
  }

  return {
    initDurable: (ctx) => ({
      msgs: {},
      seqs: {},
      users: {},
      copies: {},
      ...initStreams(),
      ...(hostsGroups ? { gdb: initGroupDb(plan, ctx.id), fan: { jobs: {} } } : {}),
      ...(plan.log ? readerDurable() : {}),
    }),
    initVolatile: () => ({ fan: { jobs: {} }, ...(plan.log ? readerVolatile(plan) : {}) }),
    onStart(ctx) {
      if (plan.log) readerStart(ctx as never, plan);
      if (hostsGroups) {
        seedGroupDb(ctx, plan, ctx.durable.gdb!);
        fanoutTick(ctx, plan, s, slot, true);
      }
      if (plan.registryMode !== "none") ctx.setTimer(s.sweepMs, "sweep");
    },
    onTimer(ctx, name, data) {
      if (plan.log && readerTimer(ctx as never, plan, name, data, write)) return;
      if (name !== "sweep") return;
      sweep(ctx);
      if (plan.groups.length > 0) streamSweep(ctx, plan, s);
      if (hostsGroups) fanoutTick(ctx, plan, s, slot);
      ctx.setTimer(s.sweepMs, "sweep");
    },
    onMessage: handle,
  };
}
