import type { NodeContext } from "../../../kernel/behavior.ts";
import type { Message } from "../../../kernel/types.ts";
import { metaInit, onMetadata, type WithMeta } from "../../log/client/metadata.ts";
import { fetched, fetchPartition, type PollSpec } from "../../log/client/poll.ts";
import { rpcInit, takeReply, takeTimeout, type Tag } from "../../log/rpc.ts";
import type { FetchResp } from "../../log/wire.ts";
import { storeOf, type ChatPlan } from "../plan.ts";
import type { ChatMsg } from "../wire.ts";

/**
 * The noSQL store reading the message queue (diagram 003): one long-polled
 * Fetch per partition, read_committed, from the offset it keeps in its own
 * durable state. A batch of records and the next offset are written in one
 * step, the way a sink keeps its offsets with its data, so a crash neither
 * loses a record nor writes one twice; the store's dedup by message id
 * absorbs the copies a retried send through another API server leaves in
 * the log.
 */
export interface ReaderDurable {
  boots: number;
  /** Next offset to read, per partition. */
  consumed: Record<string, number>;
}

export interface ReaderVolatile extends WithMeta {
  /** A Fetch (or its retry timer) is outstanding for the partition. */
  fetching: Record<string, boolean>;
}

type Ctx = NodeContext<ReaderDurable, ReaderVolatile>;
/** The store's write of one message read from the queue. */
type Write = (ctx: any, m: ChatMsg) => void;

const SPEC: PollSpec = { group: "nosql-db", isolation: "read_committed", ignoreIsolation: false };

export const readerDurable = (): ReaderDurable => ({ boots: 0, consumed: {} });
export const readerVolatile = (plan: ChatPlan): ReaderVolatile => ({ rpc: rpcInit(), meta: metaInit(plan.log!), fetching: {} });

function next(ctx: Ctx, plan: ChatPlan, p: string): void {
  if (ctx.volatile.fetching[p]) return;
  ctx.volatile.fetching[p] = true;
  fetchPartition(ctx, plan.log!, SPEC, p, ctx.durable.consumed[p] ?? 0, 0);
}

export function readerStart(ctx: Ctx, plan: ChatPlan): void {
  ctx.durable.boots++;
  ctx.volatile.rpc = rpcInit(ctx.durable.boots);
  for (const p of plan.log!.topics.in) next(ctx, plan, p);
}

function onReply(ctx: Ctx, plan: ChatPlan, tag: Tag, body: any, write: Write): void {
  if (tag.kind === "meta") return onMetadata(ctx, body);
  if (tag.kind !== "fetch") return;
  const p = tag.partition as string;
  ctx.volatile.fetching[p] = false;
  const got = fetched(ctx, plan.log!, SPEC, p, body as FetchResp, 0);
  // After an error, fetched() has set the retry timer.
  if (!got) return void (ctx.volatile.fetching[p] = true);
  for (const r of got.records) {
    const m = r.entry.rec.value as ChatMsg;
    if (storeOf(plan, m.to) === ctx.id) write(ctx, m);
  }
  if (got.next >= 0) ctx.durable.consumed[p] = got.next;
  next(ctx, plan, p);
}

/** Handles the log's replies; false when the message is not one. */
export function readerMessage(ctx: Ctx, plan: ChatPlan, msg: Message, write: Write): boolean {
  const r = takeReply(ctx, msg);
  if (!r) return false;
  onReply(ctx, plan, r.tag, r.body, write);
  return true;
}

/** Handles the reader's timers; false when the timer is not one of them. */
export function readerTimer(ctx: Ctx, plan: ChatPlan, name: string, data: any, write: Write): boolean {
  if (name === "rpc.timeout") {
    const r = takeTimeout(ctx, data);
    if (r) onReply(ctx, plan, r.tag, r.body, write);
    return true;
  }
  if (name !== "poll.retry") return false;
  ctx.volatile.fetching[data.partition] = false;
  next(ctx, plan, data.partition);
  return true;
}
