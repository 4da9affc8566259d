import type { Entry } from "../wire.ts";
import { recordBatch, recordMarker, type ProducerEntry } from "./producers.ts";

/** An aborted transaction's range on one partition (Kafka's aborted-transaction index). */
export interface AbortedTxn {
  readonly pid: number;
  readonly first: number;
  /** Offset of the ABORT marker. */
  readonly last: number;
}

/**
 * One replica of one partition: the log, the high watermark, and what is
 * derived from the log (producer state, open transactions, aborted index).
 * The log and HW are durable; the rest is rebuilt from the log after a
 * truncation, as Kafka rebuilds producer state from snapshots.
 */
export interface Replica {
  entries: Entry[];
  hw: number;
  producers: Record<number, ProducerEntry>;
  /** pid -> first offset of its open transaction. */
  open: Record<number, number>;
  aborted: AbortedTxn[];
}

export function replicaInit(): Replica {
  return { entries: [], hw: 0, producers: {}, open: {}, aborted: [] };
}

export const logEnd = (r: Replica) => r.entries.length;

/** Last stable offset: below the first open transaction and the HW (rule 14). */
export function lso(r: Replica): number {
  let min = r.hw;
  for (const k in r.open) min = Math.min(min, r.open[k]);
  return min;
}

function applyEntry(r: Replica, e: Entry, offset: number): void {
  if (e.control) {
    const first = r.open[e.pid];
    if (first !== undefined && e.control === "ABORT") r.aborted.push({ pid: e.pid, first, last: offset });
    delete r.open[e.pid];
    recordMarker(r.producers, e.pid, e.pepoch, e.coordEpoch ?? -1);
    return;
  }
  if (e.txn && r.open[e.pid] === undefined) r.open[e.pid] = offset;
  if (e.pid >= 0 && e.seq === e.lastSeq) {
    const firstOffset = offset - (e.lastSeq - e.firstSeq);
    recordBatch(r.producers, e.pid, e.pepoch, { firstSeq: e.firstSeq, lastSeq: e.lastSeq, firstOffset, lastOffset: offset });
  }
}

/** Appends one entry; returns its offset. */
export function append(r: Replica, e: Entry): number {
  const offset = r.entries.length;
  r.entries.push(e);
  applyEntry(r, e, offset);
  return offset;
}

/** Cuts the log back to `to` entries and rebuilds the derived state. */
export function truncate(r: Replica, to: number): void {
  r.entries.length = Math.min(r.entries.length, to);
  rebuild(r);
}

export function rebuild(r: Replica): void {
  r.producers = {};
  r.open = {};
  r.aborted = [];
  r.entries.forEach((e, i) => applyEntry(r, e, i));
}

/** Epoch of the last entry, -1 for an empty log. */
export function lastEpoch(r: Replica): number {
  return r.entries.length ? r.entries[r.entries.length - 1].epoch : -1;
}

/**
 * OffsetsForLeaderEpoch (KIP-101): the largest epoch <= `epoch` in this log
 * and the offset where it ends (the start of the next epoch, or the log end).
 */
export function endOffsetFor(r: Replica, epoch: number): { epoch: number; endOffset: number } {
  let found = -1;
  for (let i = 0; i < r.entries.length; i++) {
    const e = r.entries[i].epoch;
    if (e > epoch) return { epoch: found, endOffset: i };
    found = e;
  }
  return { epoch: found, endOffset: r.entries.length };
}

/** Aborted transactions that overlap [from, to). */
export function abortedIn(r: Replica, from: number, to: number): AbortedTxn[] {
  return r.aborted.filter((a) => a.last >= from && a.first < to);
}
