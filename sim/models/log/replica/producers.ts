import type { Batch } from "../wire.ts";

/**
 * Per (partition, producer id) idempotence state, as Kafka's
 * ProducerStateEntry: the current epoch, the last five batches' metadata and
 * the coordinator epoch of the last marker. Pure functions: unit-tested
 * without a network.
 */
export const KEPT_BATCHES = 5;

export interface BatchMeta {
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly firstOffset: number;
  readonly lastOffset: number;
}

export interface ProducerEntry {
  epoch: number;
  batches: BatchMeta[];
  /** Coordinator epoch of the last transaction marker (markers from older coordinators are fenced). */
  coordEpoch: number;
}

export type BatchCheck =
  | { readonly kind: "append" }
  | { readonly kind: "duplicate"; readonly meta: BatchMeta }
  | { readonly kind: "error"; readonly error: "INVALID_PRODUCER_EPOCH" | "OUT_OF_ORDER_SEQUENCE_NUMBER" };

/** Options that the bug variants switch off. */
export interface CheckOptions {
  readonly dedupe: boolean;
  readonly fenceEpochs: boolean;
}

function lastSeqOf(p: ProducerEntry): number {
  return p.batches.length ? p.batches[p.batches.length - 1].lastSeq : -1;
}

/** Rules 2-5: stale epoch fenced; a kept batch answered with its offsets; otherwise the sequence must follow. */
export function checkBatch(p: ProducerEntry | undefined, b: Batch, o: CheckOptions): BatchCheck {
  if (b.pid < 0) return { kind: "append" };
  if (!p) return b.seq === 0 || !o.dedupe ? { kind: "append" } : { kind: "error", error: "OUT_OF_ORDER_SEQUENCE_NUMBER" };
  if (b.epoch < p.epoch) return o.fenceEpochs ? { kind: "error", error: "INVALID_PRODUCER_EPOCH" } : { kind: "append" };
  // Without idempotence (the bug variant) the broker appends whatever arrives, retries included.
  if (!o.dedupe) return { kind: "append" };
  if (b.epoch > p.epoch) return b.seq === 0 ? { kind: "append" } : { kind: "error", error: "OUT_OF_ORDER_SEQUENCE_NUMBER" };
  const lastSeq = b.seq + b.records.length - 1;
  const kept = p.batches.find((m) => m.firstSeq === b.seq && m.lastSeq === lastSeq);
  if (kept) return { kind: "duplicate", meta: kept };
  if (b.seq !== lastSeqOf(p) + 1) return { kind: "error", error: "OUT_OF_ORDER_SEQUENCE_NUMBER" };
  return { kind: "append" };
}

/** Records an appended batch; keeps the last five. A higher epoch starts a fresh sequence. */
export function recordBatch(
  producers: Record<number, ProducerEntry>,
  pid: number,
  epoch: number,
  meta: BatchMeta,
): void {
  if (pid < 0) return;
  const p = (producers[pid] ??= { epoch, batches: [], coordEpoch: -1 });
  if (epoch > p.epoch) {
    p.epoch = epoch;
    p.batches = [];
  }
  p.batches.push(meta);
  if (p.batches.length > KEPT_BATCHES) p.batches.shift();
}

/** A transaction marker: bumps the epoch (KIP-890) so late writes of the ended transaction are fenced. */
export function recordMarker(producers: Record<number, ProducerEntry>, pid: number, epoch: number, coordEpoch: number): void {
  const p = (producers[pid] ??= { epoch, batches: [], coordEpoch });
  if (epoch > p.epoch) {
    p.epoch = epoch;
    p.batches = [];
  }
  p.coordEpoch = Math.max(p.coordEpoch, coordEpoch);
}
