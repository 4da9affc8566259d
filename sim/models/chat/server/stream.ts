import type { NodeContext } from "../../../kernel/behavior.ts";
import type { Message } from "../../../kernel/types.ts";
import { listOf } from "../groups.ts";
import { displayKey, fanoutOf, groupDbOf, groupDef, type ChatPlan } from "../plan.ts";
import type { ChatSettings } from "../settings.ts";
import type { ChatMsg, Entry, Via } from "../wire.ts";

/** A group message stored once in its group's stream. */
interface StreamMsg {
  mid: string;
  from: string;
  sentAt: number;
  /** Recipients: the members when it was admitted, user ids joined by commas. */
  to: string;
  mentions: string;
}

/**
 * A group's stream on its home store: messages by seq, the prefix with no
 * hole (`top`), and the fan-out cursor (`fanned`), which moves only when
 * the Group Worker says a fan-out is complete; one fan-out per group at a
 * time, so every member's queue gets the group in seq order.
 */
interface Stream {
  msgs: Record<number, StreamMsg>;
  top: number;
  fanned: number;
  handedAt: number;
}

export interface StreamDurable {
  /** Stored group messages waiting for the Group DB to admit them (seq + recipients). */
  gpend: Record<string, { m: ChatMsg; reply: string; via: Via; askedAt: number }>;
  /** Admitted: mid -> seq. */
  gmids: Record<string, number>;
  streams: Record<string, Stream>;
}

type Ctx = NodeContext<StreamDurable, unknown>;
type Body = Record<string, any>;

export function initStreams(): StreamDurable {
  return { gpend: {}, gmids: {}, streams: {} };
}

function streamOf(ctx: Ctx, group: string): Stream {
  return (ctx.durable.streams[group] ??= { msgs: {}, top: 0, fanned: 0, handedAt: -Infinity });
}

function reply(ctx: Ctx, to: string, m: ChatMsg, seq: number, recipients: string, via: Via): void {
  ctx.send(to, "persisted", { mid: m.mid, seq, m, via, to: recipients });
}

/** A group message from a service: store it once, then ask the Group DB for its seq and recipients. */
export function persistGroup(ctx: Ctx, plan: ChatPlan, msg: Message, m: ChatMsg, via: Via): void {
  const d = ctx.durable;
  const seq = d.gmids[m.mid];
  if (seq !== undefined) {
    ctx.observe("msg.dedup", { mid: m.mid });
    return reply(ctx, msg.from, m, seq, streamOf(ctx, m.to).msgs[seq].to, via);
  }
  const p = d.gpend[m.mid];
  if (p) {
    ctx.observe("msg.dedup", { mid: m.mid });
    Object.assign(p, { reply: msg.from, via });
    return;
  }
  d.gpend[m.mid] = { m, reply: msg.from, via, askedAt: ctx.now };
  ctx.send(groupDbOf(plan, m.to), "admit", { mid: m.mid, group: m.to, from: m.from, mentions: m.mentions ?? [] });
}

function onAdmitted(ctx: Ctx, plan: ChatPlan, s: ChatSettings, b: Body): void {
  const d = ctx.durable;
  const p = d.gpend[b.mid];
  if (!p) return;
  delete d.gpend[b.mid];
  const st = streamOf(ctx, b.group);
  const m = p.m;
  st.msgs[b.seq] = { mid: m.mid, from: m.from, sentAt: m.sentAt, to: b.to, mentions: (m.mentions ?? []).join(",") };
  while (st.msgs[st.top + 1]) st.top++;
  d.gmids[m.mid] = b.seq;
  ctx.observe("msg.persist", { mid: m.mid, recipients: listOf(b.to).map((u) => displayKey(plan, u)) });
  reply(ctx, p.reply, m, b.seq, b.to, p.via);
  pump(ctx, plan, s, b.group);
}

/**
 * Hands the next message past the cursor to the Group Worker (again, if
 * the last hand-off is overdue). A pulled group's message needs a fan-out
 * only for its mentions; one with none moves the cursor at once.
 */
function pump(ctx: Ctx, plan: ChatPlan, s: ChatSettings, group: string): void {
  const st = streamOf(ctx, group);
  const large = groupDef(plan, group)?.large ?? false;
  while (st.fanned < st.top) {
    const x = st.msgs[st.fanned + 1];
    const mentioned = listOf(x.mentions).filter((u) => listOf(x.to).includes(u));
    if (large && mentioned.length === 0) {
      st.fanned++;
      continue;
    }
    if (st.handedAt > ctx.now - s.redeliverMs) return;
    st.handedAt = ctx.now;
    const kind = large ? "mention" : "msg";
    const to = large ? mentioned.join(",") : x.to;
    ctx.send(fanoutOf(plan, group), "fanout", { mid: x.mid, group, seq: st.fanned + 1, from: x.from, sentAt: x.sentAt, to, mentions: x.mentions, kind });
    return;
  }
}

function onFanned(ctx: Ctx, plan: ChatPlan, s: ChatSettings, b: Body): void {
  const st = streamOf(ctx, b.group);
  if (b.seq !== st.fanned + 1) return;
  st.fanned++;
  st.handedAt = -Infinity;
  pump(ctx, plan, s, b.group);
}

/** Fan-out on read: what a member may read past `from`, only messages it was a recipient of. */
function fetch(ctx: Ctx, b: Body): { entries: Entry[]; upTo: number } {
  const st = streamOf(ctx, b.group);
  const entries: Entry[] = [];
  let upTo = Math.max(b.from - 1, 0);
  for (let seq = b.from; seq <= st.top && entries.length < 40; seq++) {
    const x = st.msgs[seq];
    upTo = seq;
    if (!listOf(x.to).includes(b.user)) continue;
    entries.push({ pos: 0, kind: "msg", mid: x.mid, from: x.from, conv: b.group, seq, sentAt: x.sentAt });
  }
  return { entries, upTo };
}

/** Retries admissions and overdue fan-out hand-offs (lost messages, a crashed worker). */
export function streamSweep(ctx: Ctx, plan: ChatPlan, s: ChatSettings): void {
  for (const p of Object.values(ctx.durable.gpend)) {
    if (p.askedAt > ctx.now - s.retryMs) continue;
    p.askedAt = ctx.now;
    ctx.send(groupDbOf(plan, p.m.to), "admit", { mid: p.m.mid, group: p.m.to, from: p.m.from, mentions: p.m.mentions ?? [] });
  }
  for (const group of Object.keys(ctx.durable.streams)) pump(ctx, plan, s, group);
}

/** Handles a group-stream message; false when the message is not one. */
export function streamHandle(ctx: Ctx, plan: ChatPlan, s: ChatSettings, msg: Message): boolean {
  const b = msg.body as Body;
  switch (msg.type) {
    case "admitted":
      onAdmitted(ctx, plan, s, b);
      return true;
    case "fanned":
      onFanned(ctx, plan, s, b);
      return true;
    case "gfetch":
      ctx.send(msg.from, "gentries", { user: b.user, group: b.group, ...fetch(ctx, b), via: b.via });
      return true;
  }
  return false;
}
