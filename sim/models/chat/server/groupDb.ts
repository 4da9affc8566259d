import type { Behavior, NodeContext } from "../../../kernel/behavior.ts";
import type { Message } from "../../../kernel/types.ts";
import { displayKey, groupDbOf, userIndex, type ChatPlan } from "../plan.ts";

/** One group as the Group DB keeps it. */
interface GroupRecord {
  /** Last sequence number given to one of its messages. */
  seq: number;
  /** Membership version: every join and leave bumps it. */
  ver: number;
  /** Current members -> the first seq they read (the one after their join). */
  members: Record<string, number>;
}

/**
 * The Group DB (`{group_id, user_ids}`): membership, and the one place a
 * group's history is ordered. Joins, leaves and message admissions are
 * applied one at a time here, so the recipients of a message (the members
 * when it was admitted) are exact, and its seq fixes one order per group.
 */
export interface GroupDbState {
  seeded: boolean;
  groups: Record<string, GroupRecord>;
  /** Applied join/leave requests by id -> the seq bound they answered. */
  ops: Record<string, number>;
  /** Admitted messages -> seq and recipients (user ids joined by commas). */
  admitted: Record<string, { seq: number; to: string }>;
}

type Ctx = NodeContext<any, any>;
type Body = Record<string, any>;

/** Initial state for the groups whose Group DB is `node`. */
export function initGroupDb(plan: ChatPlan, node: string): GroupDbState {
  const groups: Record<string, GroupRecord> = {};
  for (const g of plan.groups) {
    if (groupDbOf(plan, g.id) === node) groups[g.id] = { seq: 0, ver: 0, members: Object.fromEntries(g.members.map((u) => [u, 1])) };
  }
  return { seeded: false, groups, ops: {}, admitted: {} };
}

/** On first start, tells the trace who the members are (checkers read only the trace). */
export function seedGroupDb(ctx: Ctx, plan: ChatPlan, st: GroupDbState): void {
  if (st.seeded) return;
  st.seeded = true;
  for (const [group, rec] of Object.entries(st.groups)) {
    const def = plan.groups[userIndex(group)];
    ctx.observe("group.create", { group, size: def.size, large: def.large });
    for (const u of Object.keys(rec.members)) ctx.observe("group.join", { group, user: displayKey(plan, u), ver: rec.ver });
  }
}

function byIndex(a: string, b: string): number {
  return userIndex(a) - userIndex(b);
}

function change(ctx: Ctx, plan: ChatPlan, st: GroupDbState, b: Body, join: boolean): number {
  const rec = st.groups[b.group];
  const known = st.ops[b.rid];
  if (known !== undefined) return known;
  const member = rec.members[b.user] !== undefined;
  let bound: number;
  if (join) {
    bound = member ? rec.members[b.user] : (rec.members[b.user] = rec.seq + 1);
  } else {
    bound = rec.seq;
    delete rec.members[b.user];
  }
  if (member !== join) {
    rec.ver++;
    ctx.observe(join ? "group.join" : "group.leave", { group: b.group, user: displayKey(plan, b.user), ver: rec.ver });
  }
  return (st.ops[b.rid] = bound);
}

function admit(ctx: Ctx, plan: ChatPlan, st: GroupDbState, b: Body): { seq: number; to: string } {
  const known = st.admitted[b.mid];
  if (known) return known;
  const rec = st.groups[b.group];
  const seq = ++rec.seq;
  const to = Object.keys(rec.members).filter((u) => u !== b.from).sort(byIndex);
  const mentions = ((b.mentions ?? []) as string[]).filter((u) => to.includes(u));
  const key = (u: string) => displayKey(plan, u);
  ctx.observe("group.accept", { mid: b.mid, group: b.group, seq, ver: rec.ver, from: key(b.from), members: to.map(key), mentions: mentions.map(key) });
  return (st.admitted[b.mid] = { seq, to: to.join(",") });
}

/** Handles a Group DB request; false when the message is not one. */
export function groupDbHandle(ctx: Ctx, plan: ChatPlan, st: GroupDbState, msg: Message): boolean {
  const b = msg.body as Body;
  switch (msg.type) {
    case "g.join":
    case "g.leave": {
      const bound = change(ctx, plan, st, b, msg.type === "g.join");
      ctx.send(msg.from, "g.done", { rid: b.rid, user: b.user, group: b.group, op: msg.type.slice(2), bound, via: b.via });
      return true;
    }
    case "admit":
      ctx.send(msg.from, "admitted", { mid: b.mid, group: b.group, ...admit(ctx, plan, st, b) });
      return true;
    case "members": {
      // Only the fanout-live-membership variant asks: members now, not at admission.
      const to = Object.keys(st.groups[b.group].members).filter((u) => u !== b.from).sort(byIndex);
      ctx.send(msg.from, "member.list", { mid: b.mid, to: to.join(",") });
      return true;
    }
  }
  return false;
}

/** The Group DB node of the split design. */
export function groupDbBehavior(plan: ChatPlan): Behavior<GroupDbState, object> {
  return {
    initDurable: (ctx) => initGroupDb(plan, ctx.id),
    onStart: (ctx) => seedGroupDb(ctx, plan, ctx.durable),
    onMessage: (ctx, msg) => void groupDbHandle(ctx, plan, ctx.durable, msg),
  };
}
