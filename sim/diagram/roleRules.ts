import type { Role } from "../roles.ts";

/** What a rule may look at besides the label. */
export interface RoleContext {
  /** Title of the design the node is in. */
  readonly title: string;
  /** The design mentions WebSockets (title, labels, arrow labels or `WS` badges). */
  readonly webSockets: boolean;
  /** The node is an unlabelled group of several shapes, at least two of them ellipses. */
  readonly cluster: boolean;
}

export interface RoleRule {
  /** Tested against the normalised label: lower case, `_ - : , . ! ? ( )` as spaces, spaces collapsed. */
  readonly pattern: RegExp;
  readonly role: Role;
  readonly when?: (ctx: RoleContext) => boolean;
  /** Why the rule exists (shown nowhere; for readers). */
  readonly note?: string;
}

const polling = (ctx: RoleContext): boolean => /\bpoll/i.test(ctx.title) || !ctx.webSockets;

/** First match wins, so specific names come before the generic words they contain. */
export const ROLE_RULES: readonly RoleRule[] = [
  { pattern: /\b(transaction|txn) coordinator\b/, role: "txn-coordinator" },
  { pattern: /\b(consumer|group) coordinator\b/, role: "group-coordinator" },
  { pattern: /\boffsets?\b/, role: "offset-store", note: "Consumer_offsets, consumer_offset, commited_offset" },
  { pattern: /\bsocket cache\b/, role: "socket-cache" },
  { pattern: /\bconnection (db|database|store)\b/, role: "connection-db" },
  { pattern: /\bmessag(e|es|ing) (db|database|store)\b/, role: "messaging-db" },
  { pattern: /\bmessag(e|ing) worker\b/, role: "messaging-worker" },
  { pattern: /\bgroup worker\b/, role: "group-worker" },
  { pattern: /\bgroup (db|database|store)\b/, role: "group-db" },
  { pattern: /\bgroup service\b/, role: "group-service" },
  { pattern: /\bsend(ing)? service\b/, role: "send-service" },
  { pattern: /\breceiv(e|ing) service\b/, role: "receive-service" },
  { pattern: /\bsync queue\b/, role: "sync-queue" },
  { pattern: /\bnotification\b/, role: "notification-service" },
  { pattern: /\b(nosql|dynamo ?db|cassandra)\b/, role: "nosql-db" },
  { pattern: /\b(message queue|mq|queue)\b/, role: "message-queue" },
  { pattern: /\b(alb|elb|nlb|load balancer)\b/, role: "load-balancer" },
  { pattern: /\bapi gateway\b/, role: "gateway" },
  { pattern: /\bapi( server)?\b/, role: "api-server" },
  { pattern: /\bmessaging service\b/, role: "api-server", when: polling, note: "request/response when the design polls or has no WebSockets" },
  { pattern: /\bmessaging service\b/, role: "gateway", note: "holds the clients' WebSockets" },
  { pattern: /\b(chat (server|service)|gateway|websocket server)\b/, role: "gateway" },
  { pattern: /\bproducer\b/, role: "producer" },
  { pattern: /\bconsumer\b/, role: "consumer" },
  { pattern: /\b(broker|brokers|cluster|kafka)\b/, role: "broker" },
  { pattern: /^$/, role: "broker", when: (ctx) => ctx.cluster, note: "the unlabelled cluster of ellipses in 000" },
  { pattern: /\b(client|clients|user|users|sender|recipient|receiver)\b/, role: "client" },
  { pattern: /^(bob|alice|san|carol|dave|eve)$/, role: "client", note: "user names drawn as computers in 002" },
];

export function normaliseLabel(label: string): string {
  return label.toLowerCase().replace(/[_\-–—:,.!?()]+/g, " ").replace(/\s+/g, " ").trim();
}

/** Role for a label text, or "unknown". */
export function roleForText(text: string, ctx: RoleContext): Role {
  const normal = normaliseLabel(text);
  const rule = ROLE_RULES.find((r) => r.pattern.test(normal) && (r.when === undefined || r.when(ctx)));
  return rule?.role ?? "unknown";
}

/** Role for a node: its primary name first, then each further label part. */
export function inferRole(parts: readonly string[], ctx: RoleContext): Role {
  for (const part of parts.length > 0 ? parts : [""]) {
    const role = roleForText(part, ctx);
    if (role !== "unknown") return role;
  }
  return "unknown";
}
