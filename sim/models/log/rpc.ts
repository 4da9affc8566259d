import type { NodeContext } from "../../kernel/behavior.ts";
import type { Message } from "../../kernel/types.ts";

/**
 * Request/response bookkeeping for any node of the log model: a correlation
 * id per request, a timeout timer, and the caller's own tag to resume with.
 * Lives in volatile state: a crash forgets every outstanding request, and
 * late responses to forgotten ids are ignored.
 */
export interface RpcState {
  nextCid: number;
  pending: Record<number, { tag: Tag; timer: number; api: string }>;
}

/** What the caller wants back with the response: a kind and its own data. */
export interface Tag {
  readonly kind: string;
  readonly [k: string]: unknown;
}

/** `boots` (a durable restart count) keeps ids of different incarnations apart. */
export const rpcInit = (boots = 0): RpcState => ({ nextCid: boots * 1_000_000 + 1, pending: {} });

interface WithRpc {
  rpc: RpcState;
}

export function request(ctx: NodeContext<unknown, WithRpc>, to: string, api: string, body: object, tag: Tag, timeoutMs: number): number {
  const rpc = ctx.volatile.rpc;
  const cid = rpc.nextCid++;
  const timer = ctx.setTimer(timeoutMs, "rpc.timeout", cid);
  rpc.pending[cid] = { tag, timer, api };
  ctx.send(to, api, { ...body, cid });
  return cid;
}

/** Matches a `...Response` message to its request; null when it is stale or not a response. */
export function takeResponse(ctx: NodeContext<unknown, WithRpc>, msg: Message): { tag: Tag; body: any } | null {
  if (!msg.type.endsWith("Response")) return null;
  const body = msg.body as { cid?: number };
  const p = body?.cid !== undefined ? ctx.volatile.rpc.pending[body.cid] : undefined;
  if (!p || msg.type !== `${p.api}Response`) return null;
  delete ctx.volatile.rpc.pending[body.cid!];
  ctx.cancelTimer(p.timer);
  return { tag: p.tag, body };
}

/** A request timer fired: the request is forgotten and resumed as a TIMEOUT error. */
export function takeTimeout(ctx: NodeContext<unknown, WithRpc>, cid: number): { tag: Tag; body: any } | null {
  const p = ctx.volatile.rpc.pending[cid];
  if (!p) return null;
  delete ctx.volatile.rpc.pending[cid];
  return { tag: p.tag, body: { cid, error: "REQUEST_TIMED_OUT" } };
}

/** Answers a request: `<Api>Response` carrying the request's cid. */
export function reply(ctx: NodeContext, msg: Message, body: object): void {
  ctx.send(msg.from, `${msg.type}Response`, { ...body, cid: (msg.body as { cid: number }).cid });
}

/** A full server queue answers `rejected`: resume the request at once as a retriable error. */
export function takeRejected(ctx: NodeContext<unknown, WithRpc>, msg: Message): { tag: Tag; body: any } | null {
  if (msg.type !== "rejected") return null;
  const cid = ((msg.body as { body?: { cid?: number } })?.body)?.cid;
  if (cid === undefined) return null;
  const p = ctx.volatile.rpc.pending[cid];
  if (!p) return null;
  delete ctx.volatile.rpc.pending[cid];
  ctx.cancelTimer(p.timer);
  return { tag: p.tag, body: { cid, error: "THROTTLED" } };
}

/** The reply to one of our requests: its response, or a `rejected` from a full queue (a retriable error). */
export function takeReply(ctx: NodeContext<unknown, WithRpc>, msg: Message): { tag: Tag; body: any } | null {
  return takeResponse(ctx, msg) ?? takeRejected(ctx, msg);
}
