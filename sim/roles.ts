/**
 * The node-role vocabulary: one list across the product (importer, models,
 * fault files, UI). Names are contracts; add freely, rename none.
 */
export const ROLES = [
  "producer",
  "broker",
  "txn-coordinator",
  "group-coordinator",
  "offset-store",
  "consumer",
  "client",
  "load-balancer",
  "api-server",
  "gateway",
  "connection-db",
  "socket-cache",
  "messaging-db",
  "messaging-worker",
  "send-service",
  "receive-service",
  "group-service",
  "group-db",
  "group-worker",
  "sync-queue",
  "message-queue",
  "notification-service",
  "nosql-db",
  "unknown",
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Roles whose nodes do work for others and so have a capacity model. */
const CLIENT_ROLES: ReadonlySet<Role> = new Set<Role>(["client", "producer", "consumer", "unknown"]);

export function roleIsServer(role: Role): boolean {
  return !CLIENT_ROLES.has(role);
}
