import type { Behavior, NodeContext } from "../../../kernel/behavior.ts";
import type { Message } from "../../../kernel/types.ts";
import { listOf } from "../groups.ts";
import { groupDbOf, storeOf, type ChatPlan } from "../plan.ts";
import type { ChatSettings } from "../settings.ts";

/**
 * One fan-out in progress: a group message (or, for a pulled group, its
 * @mentions) written to each target's queue. `done` is the cursor that
 * makes it resumable: after a crash only the missing writes are redone,
 * and the stores deduplicate by (message, member) anyway.
 */
interface Job {
  mid: string;
  group: string;
  seq: number;
  from: string;
  sentAt: number;
  kind: "msg" | "mention";
  /** Who gets a copy; null while the live-membership bug asks the Group DB (asked at `askedAt`). */
  targets: string[] | null;
  askedAt: number;
  mentions: string;
  done: Record<string, true>;
  /** When each outstanding write was sent. */
  wrote: Record<string, number>;
}

/** Jobs by `mid/kind`: durable in the correct design, lost at a crash in `partial-fanout-on-crash`. */
export interface FanoutState {
  jobs: Record<string, Job>;
}

type Ctx = NodeContext<any, any>;
type Body = Record<string, any>;

/** How a fan-out's state is reached: the node keeps it in durable or volatile state. */
export type FanoutSlot = (ctx: Ctx) => FanoutState;

export const FANOUT_TYPES = new Set(["fanout", "gwritten", "member.list"]);

export function fanoutSlot(durable: FanoutSlot, volatile: FanoutSlot): FanoutSlot {
  return (ctx) => (ctx.variant === "partial-fanout-on-crash" ? volatile(ctx) : durable(ctx));
}

/** A write not answered within this is sent again. */
function retryMs(s: ChatSettings): number {
  return 4 * s.sweepMs;
}

/** Keeps up to fanoutBatch writes outstanding, in target order; completes the job when all are written. */
function pump(ctx: Ctx, plan: ChatPlan, s: ChatSettings, st: FanoutState, job: Job): void {
  // A group's messages are written in seq order (only the bug takes a second one before the first is done).
  if (Object.values(st.jobs).some((j) => j.group === job.group && j.kind === job.kind && j.seq < job.seq)) return;
  if (!job.targets) {
    if (job.askedAt > ctx.now - retryMs(s)) return;
    job.askedAt = ctx.now;
    return void ctx.send(groupDbOf(plan, job.group), "members", { mid: job.mid, group: job.group, from: job.from });
  }
  if (job.targets.every((u) => job.done[u])) {
    delete st.jobs[`${job.mid}/${job.kind}`];
    finish(ctx, plan, job);
    const after = next(st, job);
    return after ? pump(ctx, plan, s, st, after) : undefined;
  }
  let open = 0;
  for (const u of job.targets) if (!job.done[u] && job.wrote[u] !== undefined && job.wrote[u] > ctx.now - retryMs(s)) open++;
  for (const u of job.targets) {
    if (open >= s.fanoutBatch) return;
    if (job.done[u] || (job.wrote[u] !== undefined && job.wrote[u] > ctx.now - retryMs(s))) continue;
    job.wrote[u] = ctx.now;
    open++;
    const mention = job.kind === "msg" && listOf(job.mentions).includes(u);
    ctx.send(storeOf(plan, u), "gwrite", { mid: job.mid, group: job.group, seq: job.seq, from: job.from, sentAt: job.sentAt, user: u, kind: job.kind, mention });
  }
}

function finish(ctx: Ctx, plan: ChatPlan, job: Job): void {
  ctx.observe("group.fanout.done", { mid: job.mid, group: job.group, kind: job.kind, writes: job.targets!.length });
  ctx.send(storeOf(plan, job.group), "fanned", { group: job.group, seq: job.seq, kind: job.kind });
}

function start(ctx: Ctx, plan: ChatPlan, st: FanoutState, b: Body): Job {
  const job: Job = { mid: b.mid, group: b.group, seq: b.seq, from: b.from, sentAt: b.sentAt, kind: b.kind, targets: listOf(b.to), askedAt: -Infinity, mentions: b.mentions, done: {}, wrote: {} };
  st.jobs[`${b.mid}/${b.kind}`] = job;
  ctx.observe("group.fanout.start", { mid: b.mid, group: b.group, kind: b.kind, targets: job.targets!.length });
  // The bug: take the hand-off as done, so nobody redoes what a crash cuts short.
  if (ctx.variant === "partial-fanout-on-crash") ctx.send(b.stream, "fanned", { group: b.group, seq: b.seq, kind: b.kind });
  if (ctx.variant === "fanout-live-membership" && b.kind === "msg") {
    // The bug: read who is a member now, not who was when the message was accepted.
    job.targets = null;
  }
  return job;
}

/** Handles a fan-out message; false when the message is not one. */
export function fanoutHandle(ctx: Ctx, plan: ChatPlan, s: ChatSettings, slot: FanoutSlot, msg: Message): boolean {
  if (!FANOUT_TYPES.has(msg.type)) return false;
  const st = slot(ctx);
  const b = msg.body as Body;
  if (msg.type === "fanout") {
    const job = st.jobs[`${b.mid}/${b.kind}`] ?? start(ctx, plan, st, { ...b, stream: msg.from });
    pump(ctx, plan, s, st, job);
  } else if (msg.type === "member.list") {
    const job = st.jobs[`${b.mid}/msg`];
    if (!job || job.targets) return true;
    job.targets = listOf(b.to);
    pump(ctx, plan, s, st, job);
  } else {
    const job = st.jobs[`${b.mid}/${b.kind}`];
    if (!job || job.done[b.user]) return true;
    job.done[b.user] = true;
    delete job.wrote[b.user];
    pump(ctx, plan, s, st, job);
  }
  return true;
}

/** The next job of the same group, once this one is complete. */
function next(st: FanoutState, job: Job): Job | undefined {
  let best: Job | undefined;
  for (const j of Object.values(st.jobs)) if (j.group === job.group && j.kind === job.kind && (!best || j.seq < best.seq)) best = j;
  return best;
}

/** Resends what is overdue; after a restart, everything outstanding. */
export function fanoutTick(ctx: Ctx, plan: ChatPlan, s: ChatSettings, slot: FanoutSlot, restarted = false): void {
  const st = slot(ctx);
  if (restarted && Object.keys(st.jobs).length > 0) ctx.observe("group.fanout.resume", { jobs: Object.keys(st.jobs).length });
  for (const job of Object.values(st.jobs)) {
    if (restarted) Object.assign(job, { wrote: {}, askedAt: -Infinity });
    pump(ctx, plan, s, st, job);
  }
}

/** The Group Worker of the split design: fans group messages out to members' queues. */
export function fanoutBehavior(plan: ChatPlan, s: ChatSettings): Behavior<FanoutState, FanoutState> {
  const slot = fanoutSlot(
    (ctx) => (ctx as NodeContext<FanoutState, FanoutState>).durable,
    (ctx) => (ctx as NodeContext<FanoutState, FanoutState>).volatile,
  );
  return {
    initDurable: () => ({ jobs: {} }),
    initVolatile: () => ({ jobs: {} }),
    onStart(ctx) {
      fanoutTick(ctx, plan, s, slot, true);
      ctx.setTimer(s.sweepMs, "fanout.tick");
    },
    onTimer(ctx) {
      fanoutTick(ctx, plan, s, slot);
      ctx.setTimer(s.sweepMs, "fanout.tick");
    },
    onMessage: (ctx, msg) => void fanoutHandle(ctx, plan, s, slot, msg),
  };
}
