import { describe, expect, it } from "vitest";
import type { Behavior } from "../../sim/kernel/behavior.ts";
import type { TraceEvent } from "../../sim/kernel/trace.ts";
import { World } from "../../sim/kernel/world.ts";
import type { FaultSchedule } from "../../sim/scenario/faults.ts";

/** At 1 ms node-1 asks node-2 twice (one labelled request); node-2 answers each with an error code and the request's ref. */
const asker: Behavior = {
  onStart(ctx) {
    if (ctx.id === "node-1") ctx.setTimer(1, "ask");
  },
  onTimer(ctx) {
    ctx.send("node-2", "Ask", { n: 1 }, { ref: { txnId: "t1", pid: 7, epoch: 2 } });
    ctx.send("node-2", "Ask", { n: 2 });
  },
  onMessage(ctx, msg) {
    if (msg.type === "Ask") ctx.send(msg.from, "Answer", {}, { ref: msg.ref, error: msg.ref ? "PRODUCER_FENCED" : undefined });
  },
};

function run(faults: FaultSchedule, listen: boolean): { events: TraceEvent[]; hash: string } {
  const events: TraceEvent[] = [];
  const world = new World({
    seed: 1,
    nodes: ["node-1", "node-2"].map((id) => ({ id, role: "gateway" as const, capacity: null, behavior: asker })),
    network: { latencyMs: 2, connBreakDetectMs: 10 },
    faults,
    safetyMs: 50,
    healMs: 0,
    listeners: listen ? [(e) => events.push(e)] : [],
  });
  world.runToEnd();
  return { events, hash: world.trace.hash.hex() };
}

describe("network events carry the model's ref and error", () => {
  it("on send and deliver of a labelled message, and on its response", () => {
    const { events } = run([], true);
    const net = events.filter((e) => e.type === "send" || e.type === "deliver");
    const labelled = net.filter((e) => e.ref);
    expect(labelled.map((e) => `${e.type} ${e.mtype} ${e.error ?? "-"}`)).toEqual([
      "send Ask -",
      "deliver Ask -",
      "send Answer PRODUCER_FENCED",
      "deliver Answer PRODUCER_FENCED",
    ]);
    for (const e of labelled) expect(e.ref).toEqual({ txnId: "t1", pid: 7, epoch: 2 });
    expect(net.filter((e) => !e.ref && !e.error)).toHaveLength(4);
  });

  it("on drops and duplicates", () => {
    const { events } = run([{ kind: "drop", from: "node-1", to: "node-2", probability: 1, at: 0 }], true);
    const drops = events.filter((e) => e.type === "drop");
    expect(drops).toHaveLength(2);
    expect(drops.filter((e) => e.ref?.txnId === "t1")).toHaveLength(1);
    const dup = run([{ kind: "duplicate", from: "node-1", to: "node-2", probability: 1, at: 0 }], true).events;
    const copies = dup.filter((e) => e.type === "duplicate");
    expect(copies.map((e) => e.ref?.txnId ?? "-")).toEqual(["t1", "-"]);
    expect(dup.filter((e) => e.type === "deliver" && e.mtype === "Ask" && e.ref)).toHaveLength(2);
  });

  it("in the hash, the same whether or not a listener keeps the events", () => {
    const a = run([], true).hash;
    expect(run([], false).hash).toBe(a);
    // The ref is part of the run's identity: a model that labels differently hashes differently.
    const unlabelled: Behavior = { ...asker, onMessage: (ctx, msg) => void (msg.type === "Ask" && ctx.send(msg.from, "Answer", {})) };
    const w = new World({
      seed: 1,
      nodes: ["node-1", "node-2"].map((id) => ({ id, role: "gateway" as const, capacity: null, behavior: unlabelled })),
      network: { latencyMs: 2, connBreakDetectMs: 10 },
      faults: [],
      safetyMs: 50,
      healMs: 0,
    });
    w.runToEnd();
    expect(w.trace.hash.hex()).not.toBe(a);
  });
});
