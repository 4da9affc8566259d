import { describe, expect, it } from "vitest";
import type { CheckContext, InvariantDef } from "../../sim/check/checker.ts";
import { LOG_INVARIANTS } from "../../sim/check/log/index.ts";
import type { TraceEvent } from "../../sim/kernel/trace.ts";

/** Runs one invariant over a hand-built trace; returns the violation messages. */
function check(name: string, events: TraceEvent[], healed = true): string[] {
  const def = LOG_INVARIANTS.find((d) => d.name === name) as InvariantDef;
  const ctx: CheckContext = { topology: { title: "t", nodes: [], edges: [] } as never, workload: {}, safetyMs: 100, endMs: healed ? 200 : 100 };
  const c = def.create(ctx);
  events.forEach((e) => c.onEvent(e));
  c.finish(events[events.length - 1]);
  return c.violations.map((v) => v.message);
}

/** A trace builder: observations at increasing times. */
function trace(...steps: [string, string, Record<string, unknown>][]): TraceEvent[] {
  return steps.map(([node, name, data], i) => ({ i, t: i, type: "observe", node, name, data }));
}

const leader = (p: string, epoch: number, leo: number) => ["b1", "log.leader", { partition: p, epoch, leo }] as [string, string, Record<string, unknown>];
const append = (p: string, offset: number, ids: string[], x: Record<string, unknown> = {}) =>
  ["b1", "log.append", { partition: p, offset, epoch: 0, pid: 1, pepoch: 0, seq: offset, txn: false, ids, ...x }] as [string, string, Record<string, unknown>];
const hw = (p: string, h: number, x: Record<string, unknown> = {}) =>
  ["b1", "log.hw", { partition: p, hw: h, lso: h, leo: h, leader: true, served: true, epoch: 0, ...x }] as [string, string, Record<string, unknown>];
const marker = (p: string, offset: number, pid: number, epoch: number, result: string) =>
  ["b1", "log.append", { partition: p, offset, epoch: 0, pid, pepoch: epoch, txn: true, control: result, coordEpoch: 0, ids: [`m${offset}`] }] as [string, string, Record<string, unknown>];
const txnMarker = (p: string, pid: number, epoch: number, result: string) =>
  ["b1", "txn.marker", { partition: p, pid, epoch, result, coordEpoch: 0 }] as [string, string, Record<string, unknown>];
const state = (txnId: string, from: string, to: string, offset: number, epoch = 0) =>
  ["b1", "txn.state", { txnId, pid: 9, epoch, from, to, partition: "__transaction_state-0", offset }] as [string, string, Record<string, unknown>];

describe("no-lost-write", () => {
  const acked = ["p1", "log.ack", { partition: "in-0", offset: 0, ids: ["a"], pid: 1, pepoch: 0, txn: false }] as [string, string, Record<string, unknown>];
  it("fails when a new leader's log no longer holds an acknowledged record", () => {
    expect(check("no-lost-write", trace(append("in-0", 0, ["a"]), hw("in-0", 1), acked, leader("in-0", 1, 0), append("in-0", 0, ["b"], { epoch: 1 }), hw("in-0", 1, { epoch: 1 })))).toHaveLength(1);
  });
  it("passes when the record stays at its offset", () => {
    expect(check("no-lost-write", trace(append("in-0", 0, ["a"]), hw("in-0", 1), acked, leader("in-0", 1, 1)))).toEqual([]);
  });
});

describe("no-duplicate", () => {
  it("fails when a sequence is appended twice", () => {
    expect(check("no-duplicate", trace(append("in-0", 0, ["a"], { seq: 0 }), append("in-0", 1, ["a"], { seq: 0 }), hw("in-0", 2)))).toHaveLength(1);
  });
  it("passes for consecutive sequences, and ignores a deposed leader's append", () => {
    expect(check("no-duplicate", trace(leader("in-0", 1, 0), append("in-0", 0, ["a"], { seq: 0, epoch: 1 }), append("in-0", 1, ["a"], { seq: 0, epoch: 0 }), append("in-0", 1, ["b"], { seq: 1, epoch: 1 }), hw("in-0", 2)))).toEqual([]);
  });
});

describe("no-aborted-read and no-precommitted-read", () => {
  const txnRec = append("in-0", 0, ["x"], { pid: 5, txn: true });
  const read = ["c1", "log.read", { group: "g", isolation: "read_committed", partition: "in-0", offset: 0, id: "x" }] as [string, string, Record<string, unknown>];
  it("no-aborted-read fails on a read of an aborted record", () => {
    expect(check("no-aborted-read", trace(txnRec, marker("in-0", 1, 5, 1, "ABORT"), hw("in-0", 2), read))).toHaveLength(1);
  });
  it("no-aborted-read passes when the transaction committed", () => {
    expect(check("no-aborted-read", trace(txnRec, marker("in-0", 1, 5, 1, "COMMIT"), hw("in-0", 2), read))).toEqual([]);
  });
  it("no-precommitted-read fails on a read at the last stable offset", () => {
    expect(check("no-precommitted-read", trace(txnRec, hw("in-0", 1, { lso: 0 }), read))).toHaveLength(1);
  });
  it("no-precommitted-read passes below it", () => {
    expect(check("no-precommitted-read", trace(txnRec, marker("in-0", 1, 5, 1, "COMMIT"), hw("in-0", 2), read))).toEqual([]);
  });
});

describe("no-poll-skip and all-consumed", () => {
  const commit = ["o1", "group.commit", { group: "g", offsets: { "in-0": 2 }, generation: 1, member: "m", partition: "__consumer_offsets-0", offset: 0 }] as [string, string, Record<string, unknown>];
  const proc = (o: number) => ["c1", "log.process", { group: "g", partition: "in-0", offset: o, id: `r${o}` }] as [string, string, Record<string, unknown>];
  const sub = ["c1", "group.subscribe", { group: "g", topic: "in", isolation: "read_uncommitted" }] as [string, string, Record<string, unknown>];
  const log = [append("in-0", 0, ["r0"]), append("in-0", 1, ["r1"], { seq: 1 }), hw("in-0", 2)];
  it("no-poll-skip fails when a committed offset passed an unprocessed record", () => {
    expect(check("no-poll-skip", trace(...log, proc(0), commit))).toHaveLength(1);
  });
  it("no-poll-skip passes when every record below it was processed", () => {
    expect(check("no-poll-skip", trace(...log, proc(0), proc(1), commit))).toEqual([]);
  });
  it("all-consumed fails when a committed record was never processed", () => {
    expect(check("all-consumed", trace(sub, ...log, proc(0)))).toHaveLength(1);
  });
  it("all-consumed passes when all were", () => {
    expect(check("all-consumed", trace(sub, ...log, proc(1), proc(0)))).toEqual([]);
  });
});

describe("monotonic-offsets", () => {
  it("fails on LSO > HW, a truncation below the HW, a served HW going back and a committed offset going back", () => {
    const c = (o: number, at: number) => ["o1", "group.commit", { group: "g", offsets: { "in-0": o }, generation: 1, partition: "__consumer_offsets-0", offset: at }] as [string, string, Record<string, unknown>];
    expect(check("monotonic-offsets", trace(hw("in-0", 1, { lso: 2, leo: 3 })))).toHaveLength(1);
    expect(check("monotonic-offsets", trace(["b2", "log.truncate", { partition: "in-0", from: 5, to: 2, hw: 3 }]))).toHaveLength(1);
    expect(check("monotonic-offsets", trace(hw("in-0", 5, { epoch: 1 }), hw("in-0", 4, { epoch: 2 })))).toHaveLength(1);
    expect(check("monotonic-offsets", trace(c(5, 0), c(3, 1)))).toHaveLength(1);
  });
  it("passes for growing offsets, truncation above the HW and a deposed leader's older epoch", () => {
    expect(check("monotonic-offsets", trace(hw("in-0", 3, { epoch: 1 }), ["b2", "log.truncate", { partition: "in-0", from: 5, to: 3, hw: 3 }], hw("in-0", 4, { epoch: 2 }), hw("in-0", 3, { epoch: 1 })))).toEqual([]);
  });
});

describe("txn-atomicity", () => {
  it("fails when one partition commits a transaction another aborts, or a commit misses a partition", () => {
    expect(check("txn-atomicity", trace(txnMarker("in-0", 9, 1, "COMMIT"), txnMarker("in-1", 9, 1, "ABORT")))).toHaveLength(1);
    const recs = [append("in-0", 0, ["a"], { pid: 9, txn: true }), ["b2", "log.append", { partition: "in-1", offset: 0, epoch: 0, pid: 9, pepoch: 0, seq: 0, txn: true, ids: ["b"] }] as [string, string, Record<string, unknown>]];
    expect(check("txn-atomicity", trace(...recs, marker("in-0", 1, 9, 1, "COMMIT"), txnMarker("in-0", 9, 1, "COMMIT"), hw("in-0", 2), hw("in-1", 1)))).toHaveLength(1);
  });
  it("passes when every partition commits", () => {
    expect(check("txn-atomicity", trace(txnMarker("in-0", 9, 1, "COMMIT"), txnMarker("in-1", 9, 1, "COMMIT")))).toEqual([]);
  });
});

describe("exactly-once-output", () => {
  const input = [append("in-0", 0, ["i0"]), hw("in-0", 1), ["a1", "log.read", { group: "app", isolation: "read_committed", partition: "in-0", offset: 0, id: "i0" }]] as [string, string, Record<string, unknown>][];
  const out = (offset: number, id: string) => ["b1", "log.append", { partition: "out-0", offset, epoch: 0, pid: 3, pepoch: offset, seq: 0, txn: true, ids: [id], srcs: ["i0"] }] as [string, string, Record<string, unknown>];
  it("fails on two committed outputs of one input", () => {
    expect(check("exactly-once-output", trace(...input, out(0, "o1"), marker("out-0", 1, 3, 1, "COMMIT"), out(2, "o2"), marker("out-0", 3, 3, 3, "COMMIT"), hw("out-0", 4)))).toHaveLength(1);
  });
  it("fails after heal when an input has no committed output", () => {
    expect(check("exactly-once-output", trace(...input, out(0, "o1"), marker("out-0", 1, 3, 1, "ABORT"), hw("out-0", 2)))).toHaveLength(1);
  });
  it("passes with one committed output (the aborted attempt does not count)", () => {
    expect(check("exactly-once-output", trace(...input, out(0, "o1"), marker("out-0", 1, 3, 1, "ABORT"), out(2, "o2"), marker("out-0", 3, 3, 3, "COMMIT"), hw("out-0", 4)))).toEqual([]);
  });
});

describe("fenced-zombies", () => {
  const gen = (g: number, at: number) => ["o1", "group.generation", { group: "app", generation: g, partition: "__consumer_offsets-0", offset: at }] as [string, string, Record<string, unknown>];
  const commit = (g: number, at: number) => ["o1", "group.commit", { group: "app", generation: g, member: "m", offsets: {}, pid: 3, epoch: 0, partition: "__consumer_offsets-0", offset: at }] as [string, string, Record<string, unknown>];
  it("fails on a write below a marker's epoch and a commit from an older generation", () => {
    expect(check("fenced-zombies", trace(marker("out-0", 0, 3, 4, "ABORT"), append("out-0", 1, ["z"], { pid: 3, pepoch: 3, txn: true })))).toHaveLength(1);
    expect(check("fenced-zombies", trace(gen(2, 0), commit(1, 1)))).toHaveLength(1);
  });
  it("passes for the current epoch and generation", () => {
    expect(check("fenced-zombies", trace(marker("out-0", 0, 3, 4, "ABORT"), append("out-0", 1, ["z"], { pid: 3, pepoch: 4, txn: true }), commit(1, 1), gen(2, 2), commit(2, 3)))).toEqual([]);
  });
});

describe("txn-state-machine and txn-resolves", () => {
  it("txn-state-machine fails on an illegal transition and on a jump from a state it was not in", () => {
    expect(check("txn-state-machine", trace(state("t", "none", "Ongoing", 0)))).toHaveLength(1);
    expect(check("txn-state-machine", trace(state("t", "none", "Empty", 0), state("t", "Ongoing", "PrepareCommit", 1)))).toHaveLength(1);
  });
  it("txn-state-machine passes a full commit, a fence and an abort of an empty transaction", () => {
    const ok = [
      state("t", "none", "Empty", 0), state("t", "Empty", "Ongoing", 1), state("t", "Ongoing", "PrepareCommit", 2, 1), state("t", "PrepareCommit", "CompleteCommit", 3, 1),
      state("t", "CompleteCommit", "Ongoing", 4, 1), state("t", "Ongoing", "PrepareEpochFence", 5, 2), state("t", "PrepareEpochFence", "PrepareAbort", 6, 2),
      state("t", "PrepareAbort", "CompleteAbort", 7, 2), state("t", "CompleteAbort", "PrepareAbort", 8, 3), state("t", "PrepareAbort", "CompleteAbort", 8, 3),
    ];
    expect(check("txn-state-machine", trace(...ok))).toEqual([]);
  });
  it("txn-resolves fails when a transaction is still prepared after heal, passes when complete", () => {
    expect(check("txn-resolves", trace(state("t", "none", "Empty", 0), state("t", "Empty", "Ongoing", 1), state("t", "Ongoing", "PrepareCommit", 2)))).toHaveLength(1);
    expect(check("txn-resolves", trace(state("t", "Ongoing", "PrepareCommit", 2), state("t", "PrepareCommit", "CompleteCommit", 3)))).toEqual([]);
  });
  it("txn-resolves and all-consumed do not judge what began in the second half of the heal phase (safety ends at 100, the run at 200)", () => {
    const at = (t: number, events: TraceEvent[]) => events.map((e) => ({ ...e, t }));
    const late = at(170, trace(state("t", "none", "Empty", 0), state("t", "Empty", "Ongoing", 1)));
    expect(check("txn-resolves", late)).toEqual([]);
    expect(check("txn-resolves", at(140, trace(state("t", "none", "Empty", 0), state("t", "Empty", "Ongoing", 1))))).toHaveLength(1);
    const sub = ["c1", "group.subscribe", { group: "g", topic: "in" }] as [string, string, Record<string, unknown>];
    const unread = (t: number) => [...trace(sub), ...at(t, trace(append("in-0", 0, ["a"]), hw("in-0", 1)))].map((e, i) => ({ ...e, i }));
    expect(check("all-consumed", unread(170))).toEqual([]);
    expect(check("all-consumed", unread(140))).toHaveLength(1);
  });
});
