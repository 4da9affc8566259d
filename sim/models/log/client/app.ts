import type { Behavior, NodeContext } from "../../../kernel/behavior.ts";
import { groupCoordinatorFor, type LogPlan } from "../plan.ts";
import { request, rpcInit, type Tag, takeReply, takeTimeout } from "../rpc.ts";
import type { LogRecord } from "../wire.ts";
import { heartbeat, join, memberInit, memberResponse, onRejoinTimer, type MemberHooks, type WithMember } from "./member.ts";
import { metaInit, onMetadata } from "./metadata.ts";
import { fetched, fetchPartition, type PollSpec } from "./poll.ts";
import { onProduceResponse, onResendTimer, senderInit } from "./sender.ts";
import { txnBegin, txnInit, txnInitState, txnOnResponse, txnProduced, txnRetry, type TxnHooks, type WithTxn } from "./txn.ts";

/**
 * Consume-transform-produce, exactly once (KIP-447): an instance of group
 * "app" reads `in` read_committed, and for each batch writes the transformed
 * records to `out` and commits the input offsets in the same transaction.
 */
interface AppVolatile extends WithTxn, WithMember {
  pos: Record<string, number>;
  round: number;
  loaded: boolean;
  cursor: number;
  busy: boolean;
  work: { partition: string; next: number; round: number } | null;
}

type Ctx = NodeContext<{ boots: number }, AppVolatile>;

const GROUP = "app";

export function appBehavior(plan: LogPlan, variant: string): Behavior<{ boots: number }, AppVolatile> {
  const spec: PollSpec = { group: GROUP, isolation: "read_committed", ignoreIsolation: variant === "read-uncommitted" };
  const outside = variant === "offsets-outside-txn";
  const coordinator = groupCoordinatorFor(plan, GROUP);
  const outs = plan.topics.out ?? [];

  const loadOffsets = (ctx: Ctx) => {
    ctx.volatile.loaded = false;
    const body = { group: GROUP, partitions: ctx.volatile.member.assignment, requireStable: true };
    request(ctx, coordinator, "OffsetFetch", body, { kind: "offsets", round: ctx.volatile.round }, plan.settings.requestTimeoutMs);
  };
  /** Polls the next assigned partition when nothing else is going on. */
  const loop = (ctx: Ctx) => {
    const v = ctx.volatile;
    const parts = v.member.assignment;
    if (v.busy || !v.loaded || v.txn.phase !== "ready" || v.member.phase !== "stable" || parts.length === 0) return;
    v.busy = true;
    const p = parts[v.cursor++ % parts.length];
    fetchPartition(ctx, plan, spec, p, v.pos[p] ?? 0, v.round);
  };
  const transform = (ctx: Ctx, d: { partition: string; round: number; next: number; recs: { id: string; t?: number }[] }) => {
    const v = ctx.volatile;
    if (d.round !== v.round || v.txn.phase !== "ready") return void (v.busy = false);
    const writes: Record<string, LogRecord[]> = {};
    for (const r of d.recs) {
      let h = 0;
      for (let i = 0; i < r.id.length; i++) h = (h * 31 + r.id.charCodeAt(i)) | 0;
      const out = outs[Math.abs(h) % outs.length];
      (writes[out] ??= []).push({ id: `${r.id}>${ctx.id}.${v.send.epoch}`, src: r.id, value: { t: r.t } });
    }
    const m = v.member;
    const offsets = outside ? null : { group: GROUP, generation: m.generation, member: m.memberId!, offsets: { [d.partition]: d.next } };
    v.work = { partition: d.partition, next: d.next, round: d.round };
    txnBegin(ctx, plan, writes, offsets, true);
  };
  const txnHooks: TxnHooks = {
    ready: (ctx) => ((ctx as Ctx).volatile.member.phase === "stable" ? loadOffsets(ctx as Ctx) : undefined),
    ended(ctx0, committed) {
      const ctx = ctx0 as Ctx;
      const v = ctx.volatile;
      const w = v.work;
      v.work = null;
      v.busy = false;
      if (committed && w && w.round === v.round) {
        v.pos[w.partition] = w.next;
        ctx.observe("app.txn-committed", { partition: w.partition, next: w.next });
        if (outside) ctx.setTimer(plan.settings.autoCommitMs, "autocommit", v.round);
        return loop(ctx);
      }
      if (v.member.phase === "stable") loadOffsets(ctx);
    },
    fatal(ctx0, error) {
      const ctx = ctx0 as Ctx;
      ctx.observe("app.fenced", { error });
      ctx.volatile.work = null;
      ctx.volatile.busy = false;
      txnInit(ctx, plan);
    },
  };
  const memberHooks: MemberHooks = {
    assigned(ctx) {
      const v = (ctx as Ctx).volatile;
      v.round++;
      if (v.txn.phase === "ready") loadOffsets(ctx as Ctx);
    },
    revoked(ctx) {
      const v = (ctx as Ctx).volatile;
      v.round++;
      v.loaded = false;
    },
  };
  const onResponse = (ctx: Ctx, tag: Tag, body: any) => {
    const v = ctx.volatile;
    if (tag.kind === "meta") return onMetadata(ctx, body);
    if (memberResponse(ctx, plan, tag, body, memberHooks)) return;
    if (tag.kind === "txn") return txnOnResponse(ctx, plan, tag, body, txnHooks);
    if (tag.kind === "produce") {
      const out = onProduceResponse(ctx, plan, tag as never, body);
      if (out && "fatal" in out) return txnHooks.fatal(ctx, out.fatal);
      return txnProduced(ctx, plan);
    }
    if (tag.kind === "offsets" && tag.round === v.round) {
      if (body.error) return void ctx.setTimer(50, "offsets.retry", tag.round);
      v.pos = { ...body.offsets };
      v.loaded = true;
      return loop(ctx);
    }
    if (tag.kind !== "fetch") return;
    if (tag.round !== v.round) {
      v.busy = false;
      return loop(ctx);
    }
    const out = fetched(ctx, plan, spec, tag.partition as string, body, tag.round as number);
    if (!out) return;
    if (out.records.length === 0) {
      if (out.next > 0) v.pos[tag.partition as string] = out.next;
      v.busy = false;
      return loop(ctx);
    }
    ctx.observe("app.poll", { partition: tag.partition, from: tag.offset, next: out.next });
    for (const r of out.records) ctx.observe("log.process", { group: GROUP, partition: tag.partition, offset: r.offset, id: r.entry.rec.id });
    const recs = out.records.map((r) => ({ id: r.entry.rec.id, t: (r.entry.rec.value as { t?: number })?.t }));
    ctx.setTimer(plan.settings.processMs, "transform", { partition: tag.partition, round: tag.round, next: out.next, recs });
  };
  return {
    initDurable: () => ({ boots: 0 }),
    initVolatile: (ctx) => ({
      rpc: rpcInit(),
      meta: metaInit(plan),
      send: senderInit(),
      txn: txnInitState(`app-${ctx.id}`),
      member: memberInit(GROUP, "in"),
      pos: {},
      round: 0,
      loaded: false,
      cursor: 0,
      busy: false,
      work: null,
    }),
    onStart(ctx) {
      ctx.durable.boots++;
      ctx.volatile.rpc = rpcInit(ctx.durable.boots);
      ctx.observe("group.subscribe", { group: GROUP, topic: "in", isolation: "read_committed" });
      txnInit(ctx, plan);
      join(ctx, plan);
      heartbeat(ctx, plan);
    },
    onMessage(ctx, msg) {
      const r = takeReply(ctx, msg);
      if (r) onResponse(ctx, r.tag, r.body);
    },
    onTimer(ctx, name, data: any) {
      const v = ctx.volatile;
      if (name === "rpc.timeout") {
        const r = takeTimeout(ctx, data);
        if (r) onResponse(ctx, r.tag, r.body);
      } else if (name === "member.heartbeat") heartbeat(ctx, plan);
      else if (name === "member.rejoin") onRejoinTimer(ctx, plan, data);
      else if (name === "transform") transform(ctx, data);
      else if (name === "txn.retry") txnRetry(ctx, plan, data);
      else if (name === "send.resend") onResendTimer(ctx, plan, data);
      else if (name === "offsets.retry" && data === v.round) loadOffsets(ctx);
      else if (name === "poll.retry") {
        v.busy = false;
        loop(ctx);
      } else if (name === "autocommit" && data === v.round) {
        const body = { group: GROUP, member: v.member.memberId, generation: v.member.generation, offsets: { ...v.pos } };
        request(ctx, coordinator, "OffsetCommit", body, { kind: "commit" }, plan.settings.requestTimeoutMs);
      }
    },
  };
}
