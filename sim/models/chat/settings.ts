/**
 * The chat model's knobs, read from the scenario's workload. `design` picks
 * which stage of the diagrams runs; the rest are the timings every design
 * shares (all in virtual ms).
 */
export const DESIGNS = ["polling", "websocket", "stateful", "cdc", "split", "sync-queue", "notify"] as const;
export type Design = (typeof DESIGNS)[number];

export interface ChatSettings {
  readonly design: Design;
  readonly users: number;
  readonly messages: number;
  readonly ratePerSec: number;
  /** Chance per churn tick that an online user goes offline. */
  readonly connectChurn: number;
  readonly churnMs: number;
  /** Mean offline time; capped at 3x so every user is back before the end. */
  readonly offlineMs: number;
  /** No user goes offline after this (the run must converge). */
  readonly churnUntilMs: number;
  readonly pollMs: number;
  /** Client resend of an unacknowledged message, hello or pull. */
  readonly retryMs: number;
  readonly reconnectMs: number;
  /** Heartbeat that refreshes the registry entry (designs with a registry). */
  readonly hbMs: number;
  /** Lifetime of a registry entry without a heartbeat. */
  readonly ttlMs: number;
  /** How long a client waits on a gap in sequence numbers before pulling it. */
  readonly gapMs: number;
  /** A client acknowledges its cursor at most this often. */
  readonly ackMs: number;
  /** Store's scan for entries past a user's pointer that were never acked. */
  readonly sweepMs: number;
  readonly redeliverMs: number;
  readonly receipts: boolean;
  readonly readMs: number;
  /** offline-notified: a push or a device ack within this of the persist. */
  readonly notifyMs: number;
  /** Least time between two pushes to the same offline user. */
  readonly renotifyMs: number;
  // Groups (designs "split" and "sync-queue"; all 0 / off by default).
  /** How many groups, g0..g(groups-1). */
  readonly groups: number;
  /** Initial member count of each group: group k has groupSizes[k % length]. */
  readonly groupSizes: readonly number[];
  /** Share of messages that go to one of the sender's groups. */
  readonly groupShare: number;
  /** Joins and leaves per second over all users (until churnUntilMs). */
  readonly joinLeavePerSec: number;
  /** A group created with more members than this is read by pulling its stream. */
  readonly largeGroupThreshold: number;
  /** How often a member of a pulled group asks for what is new. */
  readonly groupPollMs: number;
  /** Writes a Group Worker keeps outstanding per fan-out. */
  readonly fanoutBatch: number;
  /** Share of group messages that @mention one or two members. */
  readonly mentionShare: number;
  /** mention-notified: a push or a display within this of the acceptance. */
  readonly mentionMs: number;
  /** The message log behind the API servers (notify design): log settings such as `partitions`. */
  readonly queue: Readonly<Record<string, unknown>>;
}

export const CHAT_DEFAULTS = {
  design: "polling",
  churnMs: 500,
  offlineMs: 500,
  churnUntilMs: 3000,
  pollMs: 250,
  retryMs: 1000,
  reconnectMs: 150,
  hbMs: 500,
  ttlMs: 1500,
  gapMs: 120,
  ackMs: 250,
  sweepMs: 150,
  redeliverMs: 1000,
  receipts: true,
  readMs: 200,
  notifyMs: 1500,
  renotifyMs: 1000,
  groups: 0,
  groupSizes: [8],
  groupShare: 0,
  joinLeavePerSec: 0,
  largeGroupThreshold: 1_000_000,
  groupPollMs: 250,
  fanoutBatch: 4,
  mentionShare: 0,
  mentionMs: 2500,
} as const;

/** Designs that draw (or can host) a Group DB and a fan-out. */
export const GROUP_DESIGNS: readonly Design[] = ["split", "sync-queue"];

function num(w: Readonly<Record<string, unknown>>, key: string): number {
  const v = Number(w[key] ?? (CHAT_DEFAULTS as Record<string, unknown>)[key]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`chat workload.${key}: expected a non-negative number, got ${String(w[key])}`);
  return v;
}

export function readSettings(w: Readonly<Record<string, unknown>>): ChatSettings {
  const design = String(w.design ?? CHAT_DEFAULTS.design) as Design;
  if (!DESIGNS.includes(design)) throw new Error(`chat workload.design: "${design}" is not one of ${DESIGNS.join(", ")}`);
  const keys = ["users", "messages", "ratePerSec", "connectChurn", "churnMs", "offlineMs", "churnUntilMs", "pollMs", "retryMs", "reconnectMs", "hbMs", "ttlMs", "gapMs", "ackMs", "sweepMs", "redeliverMs", "readMs", "notifyMs", "renotifyMs"] as const;
  const groupKeys = ["groups", "groupShare", "joinLeavePerSec", "largeGroupThreshold", "groupPollMs", "fanoutBatch", "mentionShare", "mentionMs"] as const;
  const out: Record<string, unknown> = { design, receipts: w.receipts ?? CHAT_DEFAULTS.receipts };
  for (const k of [...keys, ...groupKeys]) out[k] = num(w, k);
  const sizes = w.groupSizes ?? w.groupSize ?? CHAT_DEFAULTS.groupSizes;
  out.groupSizes = (Array.isArray(sizes) ? sizes : [sizes]).map((x) => num({ x }, "x"));
  const queue = w.queue ?? {};
  if (typeof queue !== "object" || queue === null || Array.isArray(queue)) throw new Error("chat workload.queue: expected an object of message-queue settings, such as {\"partitions\": 2}");
  out.queue = queue;
  if ((out.groupSizes as number[]).length === 0) throw new Error("chat workload.groupSizes: expected at least one size");
  if ((out.groups as number) > 0 && !GROUP_DESIGNS.includes(design)) throw new Error(`chat workload.groups: design "${design}" has no Group DB; use one of ${GROUP_DESIGNS.join(", ")}`);
  return out as unknown as ChatSettings;
}
