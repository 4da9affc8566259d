import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../sim/kernel/trace.ts";
import { faultScheduleArb } from "../../sim/testing/arbitraries.ts";
import { chatterWorld } from "./fixture.ts";

const NODES = ["node-1", "node-2", "node-3", "node-4"];
const schedules = faultScheduleArb(NODES, { safetyMs: 500, maxEntries: 6, triggerEvents: ["deliver", "crash", "stream"] });

function run(seed: number, faults = [] as Parameters<typeof chatterWorld>[0]["faults"]) {
  const { world, events } = chatterWorld({ seed, faults });
  world.runToEnd();
  return { world, events };
}

describe("world", () => {
  it("is deterministic: same seed and faults, same trace hash; other seeds differ", () => {
    const a = run(7).world.trace.hash.hex();
    const b = run(7).world.trace.hash.hex();
    const c = run(8).world.trace.hash.hex();
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it("never moves time backwards, under any fault schedule", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), schedules, (seed, faults) => {
        const { events } = run(seed, faults);
        for (let i = 1; i < events.length; i++) expect(events[i].t).toBeGreaterThanOrEqual(events[i - 1].t);
        expect(events.map((e) => e.i)).toEqual(events.map((_, i) => i));
      }),
      { numRuns: 60 },
    );
  });

  it("never delivers to or runs a crashed node", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), schedules, (seed, faults) => {
        const { events } = run(seed, faults);
        const down = new Set<string>();
        for (const e of events) {
          if (e.type === "crash") down.add(e.node!);
          if (e.type === "restart") down.delete(e.node!);
          if (e.type === "deliver" || (e.type === "send" && e.from !== e.to)) expect(down.has(e.node!)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("delivers nothing across an active partition", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 200 }), (seed, at, len) => {
        const groups = [["node-1", "node-2"], ["node-3", "node-4"]];
        const { events } = run(seed, [{ kind: "partition", groups, at, until: at + len }]);
        const side = (n: string) => (groups[0].includes(n) ? 0 : 1);
        let cut = false;
        for (const e of events) {
          if (e.type === "fault" && e.name === "partition") cut = true;
          if (e.type === "fault" && e.name === "lifted") cut = false;
          if (cut && e.type === "deliver") expect(side(e.from!)).toBe(side(e.to!));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("keeps a connection in order even with jitter", () => {
    const { events } = run(3, [{ kind: "delay", from: "*", to: "*", extraMs: 5, jitterMs: 40, at: 0, until: 400 }]);
    const last = new Map<string, number>();
    let seen = 0;
    for (const e of events) {
      if (e.type !== "observe" || e.name !== "stream") continue;
      const key = `${e.data!.from}>${e.node}#${e.data!.conn}`;
      const n = e.data!.n as number;
      expect(n).toBeGreaterThan(last.get(key) ?? -1);
      last.set(key, n);
      seen++;
    }
    expect(seen).toBeGreaterThan(20);
  });

  it("freezes a paused node and runs what fell due at resume", () => {
    const { events } = run(5, [{ kind: "pause", node: "node-2", at: 100, until: 300 }]);
    const during = events.filter((e) => e.t > 100 && e.t < 300 && e.node === "node-2" && (e.type === "deliver" || e.type === "send"));
    expect(during).toEqual([]);
    const resume = events.find((e) => e.type === "resume" && e.node === "node-2")!;
    expect(resume.t).toBe(300);
    expect(events.some((e) => e.t === 300 && e.type === "deliver" && e.node === "node-2")).toBe(true);
  });

  it('aims a triggered fault at "$event": the node that recorded the event', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { events } = run(seed, [{ kind: "crash", node: "$event", after: { event: "stream", delayMs: 1 }, durationMs: 50 }]);
      const first = events.find((e) => e.type === "observe" && e.name === "stream")!;
      const crash = events.find((e) => e.type === "crash")!;
      expect(crash.node).toBe(first.node);
      expect(crash.t).toBe(first.t + 1);
      expect(events.find((e) => e.type === "fault" && e.name === "crash")?.data).toMatchObject({ node: first.node });
    }
    // In a partition the emitter is cut off from everyone else.
    const { events } = run(2, [{ kind: "partition", groups: [["$event"], NODES], after: { event: "stream" }, durationMs: 100 }]);
    const cutAt = events.find((e) => e.type === "fault" && e.name === "partition")!.t;
    const emitter = events.find((e) => e.type === "observe" && e.name === "stream")!.node!;
    const across = events.filter((e) => e.type === "deliver" && e.t > cutAt && e.t < cutAt + 100 && (e.node === emitter) !== (e.from === emitter));
    expect(across).toEqual([]);
  });

  it("restores a snapshot and replays to the same trace hash", () => {
    const faults = [
      { kind: "crash" as const, node: "node-3", at: 120, until: 260 },
      { kind: "drop" as const, from: "*", to: "node-1", probability: 0.3, at: 50, until: 350 },
    ];
    const { world } = chatterWorld({ seed: 11, faults, keep: false });
    world.runUntil(200);
    const snap = world.snapshot();
    const at = world.trace.count;
    world.runToEnd();
    const full = world.trace.hash.hex();
    const total = world.trace.count;
    world.restore(snap);
    expect(world.trace.count).toBe(at);
    world.runToEnd();
    expect(world.trace.hash.hex()).toBe(full);
    expect(world.trace.count).toBe(total);
  });

  it("rejects when a server's queue is full and marks it overloaded", () => {
    const { world, events } = chatterWorld({ seed: 2, nodes: 6, capacity: true });
    world.runToEnd();
    expect(events.some((e: TraceEvent) => e.type === "reject")).toBe(true);
    expect(events.some((e: TraceEvent) => e.type === "state" && e.name === "overloaded")).toBe(true);
  });
});
