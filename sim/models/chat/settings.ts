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
} as const;

function num(w: Readonly<Record<string, unknown>>, key: string): number {
  const v = Number(w[key] ?? (CHAT_DEFAULTS as Record<string, unknown>)[key]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`chat workload.${key}: expected a non-negative number, got ${String(w[key])}`);
  return v;
}

export function readSettings(w: Readonly<Record<string, unknown>>): ChatSettings {
  const design = String(w.design ?? CHAT_DEFAULTS.design) as Design;
  if (!DESIGNS.includes(design)) throw new Error(`chat workload.design: "${design}" is not one of ${DESIGNS.join(", ")}`);
  const keys = ["users", "messages", "ratePerSec", "connectChurn", "churnMs", "offlineMs", "churnUntilMs", "pollMs", "retryMs", "reconnectMs", "hbMs", "ttlMs", "gapMs", "ackMs", "sweepMs", "redeliverMs", "readMs", "notifyMs", "renotifyMs"] as const;
  const out: Record<string, unknown> = { design, receipts: w.receipts ?? CHAT_DEFAULTS.receipts };
  for (const k of keys) out[k] = num(w, k);
  return out as unknown as ChatSettings;
}
