import type { Behavior, NodeContext } from "../../../kernel/behavior.ts";
import { groupCoordinatorFor, type LogPlan } from "../plan.ts";
import { request, rpcInit, type RpcState, type Tag, takeReply, takeTimeout } from "../rpc.ts";
import type { FetchedRecord } from "../wire.ts";
import { heartbeat, join, memberInit, memberResponse, onRejoinTimer, type MemberHooks, type Membership } from "./member.ts";
import { metaInit, onMetadata, type MetaCache } from "./metadata.ts";
import { fetched, fetchPartition, type PollSpec } from "./poll.ts";

/**
 * A plain group consumer: resume from the committed offset, poll, process
 * (takes processMs), then commit the next offset to read. At least once:
 * what was processed but not committed is processed again after a rebalance.
 */
interface ReaderVolatile {
  rpc: RpcState;
  meta: MetaCache;
  member: Membership;
  pos: Record<string, number>;
  round: number;
  /** One OffsetCommit in flight per partition, so commits cannot overtake each other on the network. */
  committing: Record<string, { offset: number; generation: number; member: string | null } | null>;
  commitSeq: number;
}

type Ctx = NodeContext<{ boots: number }, ReaderVolatile>;

export function readerBehavior(plan: LogPlan, variant: string): Behavior<{ boots: number }, ReaderVolatile> {
  const spec: PollSpec = { group: "readers", isolation: plan.settings.isolation, ignoreIsolation: variant === "read-uncommitted" };
  const commitFirst = variant === "commit-before-process";
  const coordinator = groupCoordinatorFor(plan, spec.group);

  /** A commit carries the generation the records were consumed in, even when it waits its turn. */
  const commit = (ctx: Ctx, p: string, offset: number, generation = ctx.volatile.member.generation, member = ctx.volatile.member.memberId) => {
    const v = ctx.volatile;
    if (p in v.committing) {
      v.committing[p] = { offset, generation, member }; // sent when the one in flight is answered
      return;
    }
    v.committing[p] = null;
    const body = { group: spec.group, member, generation, offsets: { [p]: offset }, seq: ++v.commitSeq };
    request(ctx, coordinator, "OffsetCommit", body, { kind: "commit", partition: p }, plan.settings.requestTimeoutMs);
  };
  const committed = (ctx: Ctx, p: string) => {
    const next = ctx.volatile.committing[p];
    delete ctx.volatile.committing[p];
    if (next) commit(ctx, p, next.offset, next.generation, next.member);
  };
  const loadOffsets = (ctx: Ctx) => {
    const body = { group: spec.group, partitions: ctx.volatile.member.assignment, requireStable: true };
    request(ctx, coordinator, "OffsetFetch", body, { kind: "offsets", round: ctx.volatile.round }, plan.settings.requestTimeoutMs);
  };
  const hooks: MemberHooks = {
    assigned(ctx) {
      (ctx as Ctx).volatile.round++;
      loadOffsets(ctx as Ctx);
    },
    revoked(ctx) {
      (ctx as Ctx).volatile.round++;
    },
  };
  const onFetched = (ctx: Ctx, tag: Tag, body: any) => {
    const p = tag.partition as string;
    const out = fetched(ctx, plan, spec, p, body, tag.round as number);
    if (!out) return;
    if (out.records.length === 0) {
      if (out.next > 0) ctx.volatile.pos[p] = out.next;
      return fetchPartition(ctx, plan, spec, p, ctx.volatile.pos[p], tag.round as number);
    }
    ctx.observe("consumer.poll", { group: spec.group, partition: p, from: tag.offset, next: out.next });
    if (commitFirst) commit(ctx, p, out.next);
    const recs = out.records.map((r: FetchedRecord) => ({ offset: r.offset, id: r.entry.rec.id, t: (r.entry.rec.value as { t?: number })?.t }));
    ctx.setTimer(plan.settings.processMs, "process", { partition: p, round: tag.round, next: out.next, recs });
  };
  const onProcessed = (ctx: Ctx, d: { partition: string; round: number; next: number; recs: { offset: number; id: string; t?: number }[] }) => {
    if (d.round !== ctx.volatile.round) return;
    for (const r of d.recs) {
      const latencyMs = r.t !== undefined ? ctx.now - r.t : undefined;
      ctx.observe("log.process", { group: spec.group, partition: d.partition, offset: r.offset, id: r.id, ...(latencyMs !== undefined ? { latencyMs } : {}) });
    }
    ctx.volatile.pos[d.partition] = d.next;
    if (!commitFirst) commit(ctx, d.partition, d.next);
    fetchPartition(ctx, plan, spec, d.partition, d.next, d.round);
  };
  const onResponse = (ctx: Ctx, tag: Tag, body: any) => {
    if (tag.kind === "meta") return onMetadata(ctx, body);
    if (memberResponse(ctx, plan, tag, body, hooks)) return;
    if (tag.kind === "commit") return committed(ctx, tag.partition as string);
    if (tag.kind === "fetch" && tag.round === ctx.volatile.round) return onFetched(ctx, tag, body);
    if (tag.kind === "offsets" && tag.round === ctx.volatile.round) {
      if (body.error) return void ctx.setTimer(50, "offsets.retry", tag.round);
      ctx.volatile.pos = { ...body.offsets };
      for (const p of ctx.volatile.member.assignment) fetchPartition(ctx, plan, spec, p, ctx.volatile.pos[p], ctx.volatile.round);
    }
  };
  return {
    initDurable: () => ({ boots: 0 }),
    initVolatile: () => ({ rpc: rpcInit(), meta: metaInit(plan), member: memberInit(spec.group, plan.readTopic), pos: {}, round: 0, committing: {}, commitSeq: 0 }),
    onStart(ctx) {
      ctx.durable.boots++;
      ctx.volatile.rpc = rpcInit(ctx.durable.boots);
      ctx.observe("group.subscribe", { group: spec.group, topic: plan.readTopic, isolation: spec.isolation });
      join(ctx, plan);
      heartbeat(ctx, plan);
    },
    onMessage(ctx, msg) {
      const r = takeReply(ctx, msg);
      if (r) onResponse(ctx, r.tag, r.body);
    },
    onTimer(ctx, name, data: any) {
      if (name === "rpc.timeout") {
        const r = takeTimeout(ctx, data);
        if (r) onResponse(ctx, r.tag, r.body);
      } else if (name === "member.heartbeat") heartbeat(ctx, plan);
      else if (name === "member.rejoin") onRejoinTimer(ctx, plan, data);
      else if (name === "process") onProcessed(ctx, data);
      else if (name === "offsets.retry" && data === ctx.volatile.round) loadOffsets(ctx);
      else if (name === "poll.retry" && data.round === ctx.volatile.round) fetchPartition(ctx, plan, spec, data.partition, ctx.volatile.pos[data.partition], data.round);
    },
  };
}
