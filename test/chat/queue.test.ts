import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/cli/load.ts";
import type { TraceEvent } from "../../sim/kernel/trace.ts";
import { runScenario, type RunOptions } from "../../sim/run.ts";
import type { FaultSchedule } from "../../sim/scenario/faults.ts";

/** chat-notify (diagram 003) runs the log model as its message queue. */
function run(options: RunOptions) {
  const events: TraceEvent[] = [];
  const r = runScenario(loadScenario("chat-notify"), { ...options, listeners: [(e: TraceEvent) => void events.push(e)] });
  const observed = (name: string) => events.filter((e) => e.type === "observe" && e.name === name);
  return { r, events, observed, failed: r.invariants.filter((i) => !i.ok).map((i) => i.name) };
}

/**
 * Sends acknowledged to their sender before the log acknowledged them to
 * that API server, or whose log acknowledgement came before the current
 * partition leader's high watermark covered the offset.
 */
function ackedBeforeCommitted(events: readonly TraceEvent[]): string[] {
  const hw = new Map<string, number>();
  const logAcked = new Set<string>();
  const early: string[] = [];
  for (const e of events) {
    if (e.type !== "observe") continue;
    const d = e.data ?? {};
    if (e.name === "log.hw" && d.leader) hw.set(String(d.partition), Number(d.hw));
    else if (e.name === "log.ack") {
      const committed = (hw.get(String(d.partition)) ?? 0) > Number(d.offset) + (d.ids as string[]).length - 1;
      for (const id of d.ids as string[]) if (committed) logAcked.add(`${e.node}/${id}`);
    } else if (e.name === "msg.ack" && !logAcked.has(`${e.node}/${String(d.mid)}`)) early.push(String(d.mid));
  }
  return early;
}

describe("chat-notify: the log model is the message queue", () => {
  it("acknowledges a sender only after the queue's high watermark covers the record (acks=all)", () => {
    for (const seed of [1, 2, 3, 4]) {
      const { events, failed, observed } = run({ seed, generate: true });
      expect(failed).toEqual([]);
      expect(observed("msg.ack").length).toBeGreaterThan(100);
      expect(ackedBeforeCommitted(events)).toEqual([]);
    }
    // The check above can fail: the ack-before-persist variant answers before the log does.
    expect(ackedBeforeCommitted(run({ seed: 1, variant: "ack-before-persist" }).events).length).toBeGreaterThan(0);
  });

  it("the store reads every offset once, in order, across its own crash and a queue leader failover", () => {
    const faults: FaultSchedule = [
      { kind: "crash", node: "nosql-db-1", at: 800, until: 1300 },
      { kind: "crash", node: "message-queue-1", at: 1600, until: 2600 },
    ];
    const { failed, observed } = run({ seed: 3, faults });
    expect(failed).toEqual([]);
    expect(observed("log.leader").some((e) => Number(e.data?.epoch) > 0)).toBe(true);
    const reads = observed("log.read").filter((e) => e.node === "nosql-db-1");
    const byPartition = new Map<string, number[]>();
    for (const e of reads) byPartition.set(String(e.data?.partition), [...(byPartition.get(String(e.data?.partition)) ?? []), Number(e.data?.offset)]);
    expect([...byPartition.keys()].sort()).toEqual(["in-0", "in-1"]);
    for (const offsets of byPartition.values()) expect(offsets).toEqual(offsets.map((_, k) => k));
    expect(observed("msg.stored").length).toBe(200);
  });

  it("rejects a bad queue setting with the field and the reason", () => {
    const bad = (queue: unknown) => () => runScenario(loadScenario("chat-notify"), { seed: 1, workload: { queue } });
    expect(bad({ partitions: 0 })).toThrow(/queue\.partitions: expected a whole number from 1/);
    expect(bad({ linger: 5 })).toThrow(/queue\.linger: not a message-queue setting/);
    expect(bad([])).toThrow(/workload\.queue: expected an object/);
  });
});
