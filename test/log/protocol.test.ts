import { describe, expect, it } from "vitest";
import { checkBatch, recordBatch, recordMarker, type ProducerEntry } from "../../sim/models/log/replica/producers.ts";
import { abortedIn, append, endOffsetFor, lso, replicaInit, truncate } from "../../sim/models/log/replica/replica.ts";
import { legalTransition, TXN_STATES } from "../../sim/models/log/txn/states.ts";
import type { Batch, Entry } from "../../sim/models/log/wire.ts";

const ON = { dedupe: true, fenceEpochs: true };
const batch = (seq: number, n = 1, epoch = 0, pid = 7): Batch => ({ pid, epoch, seq, txn: false, records: Array.from({ length: n }, (_, i) => ({ id: `r${seq + i}` })) });

function entry(over: Partial<Entry> = {}): Entry {
  return { epoch: 0, pid: 7, pepoch: 0, seq: 0, firstSeq: 0, lastSeq: 0, txn: false, rec: { id: "x" }, ...over };
}

describe("idempotent producer state (rules 2-5)", () => {
  it("appends a first batch at sequence 0 and rejects a gap as out of order", () => {
    expect(checkBatch(undefined, batch(0), ON).kind).toBe("append");
    expect(checkBatch(undefined, batch(3), ON)).toEqual({ kind: "error", error: "OUT_OF_ORDER_SEQUENCE_NUMBER" });
    const p: Record<number, ProducerEntry> = {};
    recordBatch(p, 7, 0, { firstSeq: 0, lastSeq: 1, firstOffset: 0, lastOffset: 1 });
    expect(checkBatch(p[7], batch(2), ON).kind).toBe("append");
    expect(checkBatch(p[7], batch(4), ON)).toEqual({ kind: "error", error: "OUT_OF_ORDER_SEQUENCE_NUMBER" });
  });

  it("answers a retry of one of the last five batches with its original offsets, not one older", () => {
    const p: Record<number, ProducerEntry> = {};
    for (let k = 0; k < 7; k++) recordBatch(p, 7, 0, { firstSeq: k, lastSeq: k, firstOffset: 10 + k, lastOffset: 10 + k });
    expect(p[7].batches.length).toBe(5);
    expect(checkBatch(p[7], batch(4), ON)).toEqual({ kind: "duplicate", meta: { firstSeq: 4, lastSeq: 4, firstOffset: 14, lastOffset: 14 } });
    expect(checkBatch(p[7], batch(1), ON).kind).toBe("error");
  });

  it("fences a stale epoch and starts a new epoch at sequence 0", () => {
    const p: Record<number, ProducerEntry> = {};
    recordBatch(p, 7, 2, { firstSeq: 0, lastSeq: 0, firstOffset: 0, lastOffset: 0 });
    expect(checkBatch(p[7], batch(1, 1, 1), ON)).toEqual({ kind: "error", error: "INVALID_PRODUCER_EPOCH" });
    expect(checkBatch(p[7], batch(0, 1, 3), ON).kind).toBe("append");
    expect(checkBatch(p[7], batch(5, 1, 3), ON).kind).toBe("error");
  });

  it("a marker bumps the epoch (KIP-890) so a late write of the ended transaction is fenced", () => {
    const p: Record<number, ProducerEntry> = {};
    recordBatch(p, 7, 4, { firstSeq: 0, lastSeq: 0, firstOffset: 0, lastOffset: 0 });
    recordMarker(p, 7, 5, 1);
    expect(checkBatch(p[7], batch(1, 1, 4), ON).kind).toBe("error");
    expect(checkBatch(p[7], batch(0, 1, 5), ON).kind).toBe("append");
  });

  it("without deduplication (bug variant) a retry is appended again", () => {
    const p: Record<number, ProducerEntry> = {};
    recordBatch(p, 7, 0, { firstSeq: 0, lastSeq: 0, firstOffset: 0, lastOffset: 0 });
    expect(checkBatch(p[7], batch(0), { dedupe: false, fenceEpochs: true }).kind).toBe("append");
  });
});

describe("replica log: HW, LSO, aborted index, KIP-101 truncation", () => {
  it("LSO is the first open transaction's offset, capped by the HW", () => {
    const r = replicaInit();
    append(r, entry({ seq: 0 }));
    append(r, entry({ pid: 9, txn: true, seq: 0 }));
    append(r, entry({ pid: 9, txn: true, seq: 1, firstSeq: 1, lastSeq: 1 }));
    r.hw = 3;
    expect(lso(r)).toBe(1);
    append(r, entry({ pid: 9, txn: true, control: "ABORT", pepoch: 1, seq: -1, firstSeq: -1, lastSeq: -1 }));
    expect(lso(r)).toBe(3);
    expect(abortedIn(r, 0, 4)).toEqual([{ pid: 9, first: 1, last: 3 }]);
  });

  it("truncation rebuilds producer state and the transaction index from the log", () => {
    const r = replicaInit();
    append(r, entry({ seq: 0 }));
    append(r, entry({ seq: 1, firstSeq: 1, lastSeq: 1 }));
    append(r, entry({ pid: 9, txn: true }));
    truncate(r, 1);
    expect(r.producers[7].batches.map((b) => b.lastSeq)).toEqual([0]);
    expect(r.open).toEqual({});
  });

  it("finds where a leader epoch ends (OffsetsForLeaderEpoch)", () => {
    const r = replicaInit();
    for (const ep of [0, 0, 2, 2, 5]) append(r, entry({ epoch: ep }));
    expect(endOffsetFor(r, 0)).toEqual({ epoch: 0, endOffset: 2 });
    expect(endOffsetFor(r, 1)).toEqual({ epoch: 0, endOffset: 2 });
    expect(endOffsetFor(r, 4)).toEqual({ epoch: 2, endOffset: 4 });
    expect(endOffsetFor(r, 5)).toEqual({ epoch: 5, endOffset: 5 });
  });
});

describe("transaction coordinator transitions", () => {
  const legal: [string, string][] = [
    ["none", "Empty"], ["Empty", "Empty"], ["CompleteCommit", "Empty"], ["CompleteAbort", "Empty"],
    ["Empty", "Ongoing"], ["Ongoing", "Ongoing"], ["CompleteCommit", "Ongoing"], ["CompleteAbort", "Ongoing"],
    ["Ongoing", "PrepareCommit"], ["Ongoing", "PrepareAbort"], ["Ongoing", "PrepareEpochFence"], ["PrepareEpochFence", "PrepareAbort"],
    ["Empty", "PrepareAbort"], ["CompleteCommit", "PrepareAbort"], ["CompleteAbort", "PrepareAbort"],
    ["PrepareCommit", "CompleteCommit"], ["PrepareAbort", "CompleteAbort"],
    ["Empty", "Dead"], ["CompleteCommit", "Dead"], ["CompleteAbort", "Dead"],
  ];

  it("allows exactly the listed transitions", () => {
    const key = (a: string, b: string) => `${a}>${b}`;
    const allowed = new Set(legal.map(([a, b]) => key(a, b)));
    for (const from of ["none", ...TXN_STATES]) {
      for (const to of TXN_STATES) expect(legalTransition(from as never, to), key(from, to)).toBe(allowed.has(key(from, to)));
    }
  });
});
