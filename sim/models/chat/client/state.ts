import type { NodeContext } from "../../../kernel/behavior.ts";
import type { ChatPlan } from "../plan.ts";
import type { ChatSettings } from "../settings.ts";
import type { ChatMsg, Entry } from "../wire.ts";

/** One user's device state, kept on the device (survives an app restart). */
export interface UserState {
  online: boolean;
  offlineUntil: number;
  nextChurn: number;
  nextPoll: number;
  nextHb: number;
  outbox: Record<string, { m: ChatMsg; lastTry: number; tries: number }>;
  /** Every position up to here has been received and handled. */
  cursor: number;
  /** The cursor last acknowledged to the server, and when. */
  acked: number;
  ackedAt: number;
  /** Entries past a gap, waiting for it to fill. */
  buf: Record<number, Entry>;
  gapSince: number;
  lastPull: number;
  shown: Record<string, true>;
  /** Receipt state shown per sent message: 1 sent, 2 delivered, 3 read. */
  rcpt: Record<string, number>;
  /** The groups this user is in, was in, or is joining. */
  groups: Record<string, MemberView>;
  /** Next read of the pulled groups. */
  nextGPoll: number;
}

/** One user's view of one group. */
export interface MemberView {
  in: boolean;
  /** A join or leave sent and not yet answered (retried with the same id). */
  op?: { kind: "join" | "leave"; rid: string; lastTry: number };
  /** Pulled groups: every seq up to here has been read. */
  cur: number;
  /** Pulled groups: the last seq accepted while a member (after a leave). */
  until: number;
  /**
   * Pulled groups: when the read now outstanding was sent. One read at a
   * time (a new one only after the answer, or after retryMs): reads sent on
   * a timer regardless pile up behind a paused server and keep it
   * overloaded long after it resumes.
   */
  pulledAt?: number;
}

export interface ClientDurable {
  sent: number;
  /** Membership requests made, for their ids. */
  ops: number;
  users: Record<string, UserState>;
}

/** Sockets are lost when the client process dies. */
export interface ClientVolatile {
  conn: Record<string, number>;
  byConn: Record<number, string>;
  ready: Record<string, boolean>;
  helloAt: Record<string, number>;
  reconnectAt: Record<string, number>;
  /** The server at the other end of each socket. */
  peer: Record<number, string>;
}

export type ClientCtx = NodeContext<ClientDurable, ClientVolatile>;

/** What the client parts share: the plan, the knobs, this node's users. */
export interface ClientEnv {
  readonly plan: ChatPlan;
  readonly s: ChatSettings;
  readonly users: readonly string[];
  readonly key: (user: string) => string;
}

export function newUser(s: ChatSettings): UserState {
  return {
    online: true,
    offlineUntil: 0,
    nextChurn: s.churnMs,
    nextPoll: 0,
    nextHb: 0,
    outbox: {},
    cursor: 0,
    acked: 0,
    ackedAt: -Infinity,
    buf: {},
    gapSince: -1,
    lastPull: -Infinity,
    shown: {},
    rcpt: {},
    groups: {},
    nextGPoll: 0,
  };
}

function openConn(ctx: ClientCtx, user: string): number | undefined {
  const c = ctx.volatile.conn[user];
  return c !== undefined && ctx.connOpen(c) ? c : undefined;
}

function server(ctx: ClientCtx, env: ClientEnv): string {
  return env.plan.entry.length === 1 ? env.plan.entry[0] : ctx.rng.pick(env.plan.entry);
}

/** A request on the sending path: HTTP to a service, or on the user's socket. */
export function toSendPath(ctx: ClientCtx, env: ClientEnv, user: string, type: string, body: Record<string, unknown>): void {
  if (env.plan.httpSend) return void ctx.send(server(ctx, env), type, { ...body, client: ctx.id });
  toSocket(ctx, user, type, body);
}

/** A request on the receiving path: the socket, or an HTTP poll server. */
export function toRecvPath(ctx: ClientCtx, env: ClientEnv, user: string, type: string, body: Record<string, unknown>): void {
  if (env.plan.sockets.length === 0) return void ctx.send(server(ctx, env), type, { ...body, client: ctx.id });
  toSocket(ctx, user, type, body);
}

export function toSocket(ctx: ClientCtx, user: string, type: string, body: Record<string, unknown>): boolean {
  const conn = openConn(ctx, user);
  if (conn === undefined) return false;
  ctx.send(ctx.volatile.peer[conn], type, { ...body, client: ctx.id }, { conn });
  return true;
}
