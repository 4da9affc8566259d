import type { Role } from "../roles.ts";
import type { Rng } from "./rng.ts";
import type { Message, MsgRef } from "./types.ts";

export interface SendOptions {
  readonly conn?: number;
  readonly ref?: MsgRef;
  readonly error?: string;
}

/**
 * What a behavior may do while handling an event. One context object is
 * reused for every call; do not keep it past the call.
 */
export interface NodeContext<D = unknown, V = unknown> {
  /** Virtual time, ms. */
  readonly now: number;
  readonly id: string;
  readonly role: Role;
  /** This node's own random stream (forked from the run's seed). */
  readonly rng: Rng;
  /** State that survives a crash. Mutate it in place or replace it. */
  durable: D;
  /** State lost at a crash. */
  volatile: V;
  /** The selected bug variant ("" for the correct design). */
  readonly variant: string;
  /**
   * Puts a message on the network. `ref` says what it concerns and `error`
   * is a response's error code: both are traced with its send, delivery,
   * drop and duplicate, so one transaction or message can be followed.
   */
  send(to: string, type: string, body?: unknown, options?: SendOptions): number;
  setTimer(delayMs: number, name: string, data?: unknown): number;
  cancelTimer(timerId: number): void;
  /** Opens a connection (TCP, WebSocket): in order, or broken. */
  connect(peer: string): number;
  close(conn: number): void;
  /** True while the connection is open (as far as the network knows). */
  connOpen(conn: number): boolean;
  /** Records an application-level observation in the trace. */
  observe(name: string, data?: Record<string, unknown>): void;
}

/**
 * The code of one kind of node. Behaviors hold no state of their own: all
 * state lives in the context's durable and volatile fields, so a snapshot of
 * the world is a snapshot of every node.
 */
export interface Behavior<D = any, V = any> {
  initDurable?(ctx: NodeContext<D, V>): D;
  initVolatile?(ctx: NodeContext<D, V>): V;
  /** At the start of the run and after every restart. */
  onStart?(ctx: NodeContext<D, V>): void;
  onMessage?(ctx: NodeContext<D, V>, msg: Message): void;
  onTimer?(ctx: NodeContext<D, V>, name: string, data: unknown): void;
  onConnClosed?(ctx: NodeContext<D, V>, conn: number, peer: string): void;
}
