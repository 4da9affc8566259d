import type { NodeContext } from "../../../kernel/behavior.ts";
import { groupCoordinatorFor, type LogPlan } from "../plan.ts";
import { request, type RpcState, type Tag } from "../rpc.ts";

/**
 * A consumer's group membership (classic protocol): JoinGroup, SyncGroup,
 * heartbeats; a REBALANCE_IN_PROGRESS, ILLEGAL_GENERATION or
 * UNKNOWN_MEMBER_ID answer revokes the partitions and joins again.
 */
export interface Membership {
  group: string;
  topic: string;
  memberId: string | null;
  generation: number;
  phase: "joining" | "syncing" | "stable";
  assignment: string[];
  /** Bumped at every (re)join: responses of an older round are ignored. */
  round: number;
}

export interface WithMember {
  rpc: RpcState;
  member: Membership;
}

type Ctx = NodeContext<unknown, WithMember>;

export interface MemberHooks {
  assigned(ctx: Ctx, partitions: string[]): void;
  revoked(ctx: Ctx): void;
}

export const memberInit = (group: string, topic: string): Membership => ({ group, topic, memberId: null, generation: -1, phase: "joining", assignment: [], round: 0 });

function coordinator(ctx: Ctx, plan: LogPlan): string {
  return groupCoordinatorFor(plan, ctx.volatile.member.group);
}

export function join(ctx: Ctx, plan: LogPlan): void {
  const m = ctx.volatile.member;
  m.phase = "joining";
  m.round++;
  const body = { group: m.group, topic: m.topic, memberId: m.memberId };
  request(ctx, coordinator(ctx, plan), "JoinGroup", body, { kind: "join", round: m.round }, plan.settings.sessionTimeoutMs + 300);
}

function rejoinLater(ctx: Ctx, plan: LogPlan, hooks: MemberHooks, resetId: boolean): void {
  const m = ctx.volatile.member;
  if (m.phase === "stable") hooks.revoked(ctx);
  if (resetId) m.memberId = null;
  m.phase = "joining";
  m.round++;
  ctx.setTimer(20 + ctx.rng.next() * 30, "member.rejoin", m.round);
}

export function onRejoinTimer(ctx: Ctx, plan: LogPlan, round: number): void {
  if (ctx.volatile.member.round === round) join(ctx, plan);
}

export function heartbeat(ctx: Ctx, plan: LogPlan): void {
  const m = ctx.volatile.member;
  if (m.phase === "stable" && m.memberId) {
    const body = { group: m.group, memberId: m.memberId, generation: m.generation };
    request(ctx, coordinator(ctx, plan), "Heartbeat", body, { kind: "heartbeat", round: m.round }, plan.settings.heartbeatMs * 2);
  }
  ctx.setTimer(plan.settings.heartbeatMs, "member.heartbeat");
}

/** Handles the membership's responses; false if the tag was not the membership's. */
export function memberResponse(ctx: Ctx, plan: LogPlan, tag: Tag, body: any, hooks: MemberHooks): boolean {
  const m = ctx.volatile.member;
  if (tag.kind !== "join" && tag.kind !== "sync" && tag.kind !== "heartbeat") return false;
  if (tag.round !== m.round) return true;
  if (tag.kind === "heartbeat") {
    if (body.error === "REBALANCE_IN_PROGRESS") rejoinLater(ctx, plan, hooks, false);
    else if (body.error === "UNKNOWN_MEMBER_ID" || body.error === "ILLEGAL_GENERATION") rejoinLater(ctx, plan, hooks, body.error === "UNKNOWN_MEMBER_ID");
    return true;
  }
  if (body.error) {
    rejoinLater(ctx, plan, hooks, body.error === "UNKNOWN_MEMBER_ID");
    return true;
  }
  if (tag.kind === "join") {
    m.memberId = body.memberId;
    m.generation = body.generation;
    m.phase = "syncing";
    const req = { group: m.group, memberId: m.memberId, generation: m.generation };
    request(ctx, coordinator(ctx, plan), "SyncGroup", req, { kind: "sync", round: m.round }, plan.settings.sessionTimeoutMs + 300);
    return true;
  }
  m.phase = "stable";
  m.assignment = body.assignment;
  ctx.observe("group.assigned", { group: m.group, member: m.memberId, generation: m.generation, partitions: m.assignment });
  hooks.assigned(ctx, m.assignment);
  return true;
}
