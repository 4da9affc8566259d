import type { Role } from "../../roles.ts";
import { queuePlan, type LogPlan } from "../log/plan.ts";
import type { Topology } from "../../topology.ts";
import { groupLayout, type GroupDef } from "./groups.ts";
import type { ChatSettings, Design } from "./settings.ts";

/**
 * Which drawn node plays which part of a design. Behaviors read this plan,
 * never the drawing, so one code path serves every stage; a group service,
 * group DB or group worker (the next stage) slots in as more parts.
 */
export interface ChatPlan {
  readonly design: Design;
  readonly clients: readonly string[];
  /** Where a client sends a message (HTTP designs) or holds its socket. */
  readonly entry: readonly string[];
  /** Servers that hold WebSockets (empty for polling). */
  readonly sockets: readonly string[];
  /** Stores of the per-user queues; a user's queue lives on stores[user % n]. */
  readonly stores: readonly string[];
  readonly worker?: string;
  readonly registry?: string;
  /** The message queue (notify design): the log model on the message-queue nodes. */
  readonly log?: LogPlan;
  readonly notifier?: string;
  readonly balancer?: string;
  /** API servers behind the load balancer (notify design). */
  readonly api: readonly string[];
  /** Sends travel as HTTP requests rather than on the socket. */
  readonly httpSend: boolean;
  /** Where the store's user registry lives: none, a Connection DB, the store itself. */
  readonly registryMode: "none" | "local" | "connection-db" | "store";
  /** The store, not the service that took the send, starts delivery. */
  readonly storeTriggers: boolean;
  readonly groups: readonly GroupDef[];
  /** Drawn group parts (split design); where none is drawn, a group's home store plays them. */
  readonly groupService?: string;
  readonly groupDb?: string;
  readonly groupWorker?: string;
}

function byRole(t: Topology, role: Role): string[] {
  return t.nodes.filter((n) => n.role === role).map((n) => n.id);
}

function need(ids: string[], role: Role, design: Design): string[] {
  if (ids.length === 0) throw new Error(`chat design "${design}" needs at least one ${role} node in the diagram (map one with a scenario "nodes" override)`);
  return ids;
}

export function chatPlan(t: Topology, s: ChatSettings): ChatPlan {
  const d = s.design;
  const clients = need(byRole(t, "client"), "client", d);
  const one = (role: Role) => need(byRole(t, role), role, d)[0];
  const groups = groupLayout(s);
  const base = { design: d, clients, api: [] as string[], httpSend: false, storeTriggers: false, groups };
  switch (d) {
    case "polling": {
      const api = need(byRole(t, "api-server"), "api-server", d);
      return { ...base, entry: api, sockets: [], stores: [one("messaging-db")], httpSend: true, registryMode: "none" };
    }
    case "websocket": {
      // Stage 2 has no registry, so one machine must hold every socket.
      const gw = [one("gateway")];
      return { ...base, entry: gw, sockets: gw, stores: [one("messaging-db")], registryMode: "local" };
    }
    case "stateful":
    case "cdc": {
      const gws = need(byRole(t, "gateway"), "gateway", d);
      const parts = { worker: one("messaging-worker"), registry: one("connection-db"), stores: [one("messaging-db")] };
      return { ...base, ...parts, entry: gws, sockets: gws, registryMode: "connection-db", storeTriggers: d === "cdc" };
    }
    case "split": {
      const parts = { worker: one("messaging-worker"), registry: one("connection-db"), stores: [one("messaging-db")] };
      const grouped = groups.length > 0 ? { groupService: one("group-service"), groupDb: one("group-db"), groupWorker: one("group-worker") } : {};
      const entry = need(byRole(t, "send-service"), "send-service", d);
      const sockets = need(byRole(t, "receive-service"), "receive-service", d);
      return { ...base, ...parts, ...grouped, entry, sockets, httpSend: true, registryMode: "connection-db", storeTriggers: true };
    }
    case "sync-queue": {
      const gws = need(byRole(t, "gateway"), "gateway", d);
      const stores = need(byRole(t, "sync-queue"), "sync-queue", d);
      return { ...base, entry: gws, sockets: gws, stores, registryMode: "store", storeTriggers: true };
    }
    case "notify": {
      const api = need(byRole(t, "api-server"), "api-server", d);
      const parts = { balancer: one("load-balancer"), log: queueOf(need(byRole(t, "message-queue"), "message-queue", d), s), notifier: one("notification-service") };
      const sockets = need(byRole(t, "gateway"), "gateway", d);
      return { ...base, ...parts, api, entry: [parts.balancer], sockets, stores: [one("nosql-db")], httpSend: true, registryMode: "store", storeTriggers: true };
    }
  }
}

function queueOf(brokers: string[], s: ChatSettings): LogPlan {
  try {
    return queuePlan(brokers, s.queue);
  } catch (e) {
    throw new Error(`chat workload.${(e as Error).message}`);
  }
}

/** The queue partition a recipient's messages go through: one per user, so they reach the store in order. */
export function partitionOf(plan: ChatPlan, user: string): string {
  const parts = plan.log!.topics.in;
  return parts[userIndex(user) % parts.length];
}

/** Users are u0..u(N-1), dealt round-robin over the client nodes. */
export function userIndex(user: string): number {
  return Number(user.slice(1));
}

export function clientOf(plan: ChatPlan, user: string): string {
  return plan.clients[userIndex(user) % plan.clients.length];
}

/** The display key the message checkers use: `client-2:u7`. */
export function displayKey(plan: ChatPlan, user: string): string {
  return `${clientOf(plan, user)}:${user}`;
}

export function storeOf(plan: ChatPlan, user: string): string {
  return plan.stores[userIndex(user) % plan.stores.length];
}

export function usersOf(plan: ChatPlan, client: string, users: number): string[] {
  const k = plan.clients.indexOf(client);
  const out: string[] = [];
  for (let i = k; i < users; i += plan.clients.length) out.push(`u${i}`);
  return out;
}

/** A one-to-one conversation's id; both directions share one sequence. */
export function convOf(a: string, b: string): string {
  return userIndex(a) < userIndex(b) ? `${a}~${b}` : `${b}~${a}`;
}

/** Where a group's membership is kept and its messages admitted. */
export function groupDbOf(plan: ChatPlan, group: string): string {
  return plan.groupDb ?? storeOf(plan, group);
}

/** Who fans a group's messages out. */
export function fanoutOf(plan: ChatPlan, group: string): string {
  return plan.groupWorker ?? storeOf(plan, group);
}

export function groupDef(plan: ChatPlan, group: string): GroupDef | undefined {
  return plan.groups[userIndex(group)];
}
