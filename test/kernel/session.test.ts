import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/cli/load.ts";
import { Run } from "../../sim/run.ts";
import { Session } from "../../sim/session.ts";

const scenario = loadScenario("demo");
// Slow links keep hundreds of messages on the wire across checkpoints.
const slow = [{ kind: "delay" as const, from: "*", to: "*", extraMs: 400, jitterMs: 100, at: 0, until: 2500 }];
const options = { seed: 4, faults: slow, messages: 1500, workload: { ratePerSec: 600 } };

describe("Session (what the UI scrubs)", () => {
  it("shows the same world after a seek, forward or back, as after playing there", () => {
    const s = new Session(scenario, options);
    const total = s.totalEvents;
    expect(total).toBeGreaterThan(12_000); // more than two checkpoints apart
    const played = new Session(scenario, options);
    for (const t of [250, 900, 1600, 2600]) {
      const forward = played.advanceTo(t);
      const sought = s.seekTime(t);
      expect(sought.now).toBe(forward.now);
      expect(sought.events).toBe(forward.events);
      expect(sought.inflight).toEqual(forward.inflight);
      if (t < 2500) expect(forward.inflight.count).toBeGreaterThan(50);
      expect(sought.nodes).toEqual(forward.nodes);
    }
    // Back in time, then forward again.
    const early = s.seekTime(300);
    expect(early.inflight).toEqual(new Session(scenario, options).advanceTo(300).inflight);
  });

  it("seeks by event index, back and forth, to just after that event", () => {
    const s = new Session(scenario, options);
    for (const i of [10_000, 50, 7_000, s.totalEvents - 1, 0]) {
      const v = s.seek(i);
      expect(v.events).toBeGreaterThan(i);
      const again = new Session(scenario, options).seek(i);
      expect(v.events).toBe(again.events);
      expect(v.now).toBe(again.now);
    }
  });

  it("marks faults and violations on the timeline at their events", () => {
    const s = new Session(scenario, { ...options, faults: [...slow, { kind: "crash", node: "message-queue-1", at: 300, until: 900 }], variant: "no-retry" });
    const violations = s.markers.filter((m) => m.kind === "violation");
    const broken = [...s.result.invariants, ...s.result.unpromised].flatMap((i) => i.violations);
    expect(violations.map((m) => m.event).sort()).toEqual(broken.map((v) => v.event).sort());
    expect(s.markers.some((m) => m.kind === "fault")).toBe(true);
  });

  it("marks a crash as a fault, its end as a restart, a lifted link fault as a heal, and restarts at the heal phase", () => {
    const faults = [
      { kind: "crash" as const, node: "message-queue-1", at: 300, until: 900 },
      { kind: "crash" as const, node: "api-server-1", at: 400 },
      { kind: "drop" as const, from: "*", to: "*", probability: 0.2, at: 100, until: 600 },
    ];
    const s = new Session(scenario, { seed: 2, faults });
    const at = (kind: string, label: string) => s.markers.find((m) => m.kind === kind && m.label.includes(label));
    expect(at("fault", "crash message-queue-1")?.t).toBe(300);
    expect(at("restart", "restart message-queue-1")?.t).toBe(900);
    expect(at("heal", "link fault ends")?.t).toBe(600);
    const heal = at("phase", "heal phase")!;
    expect(at("restart", "restart api-server-1")?.t).toBe(heal.t);
    expect(s.markers.map((m) => m.event)).toEqual([...s.markers.map((m) => m.event)].sort((a, b) => a - b));
  });

  it("finds the next and previous delivery and the next event at a node, as the trace has them", () => {
    const opts = { seed: 3, faults: [] };
    const s = new Session(scenario, opts);
    const types: string[] = [];
    const nodes: (string | undefined)[] = [];
    const run = new Run(scenario, { ...opts, listeners: [(e) => (types.push(e.type), nodes.push(e.node))] });
    run.world.runToEnd();
    for (const from of [0, 100, 1500]) {
      const next = s.find(from, 1, { kind: "deliver" })!;
      expect(types[next]).toBe("deliver");
      expect(types.slice(from + 1, next)).not.toContain("deliver");
      const prev = s.find(from, -1, { kind: "deliver" });
      if (prev !== null) expect(types.slice(prev + 1, from)).not.toContain("deliver");
      const atNode = s.find(from, 1, { kind: "node", node: "message-queue-1" })!;
      expect(nodes[atNode]).toBe("message-queue-1");
      expect(nodes.slice(from + 1, atNode)).not.toContain("message-queue-1");
    }
    expect(s.find(s.totalEvents - 1, 1, { kind: "deliver" })).toBeNull();
    expect(s.find(10, 1, { kind: "node", node: "no-such-node" })).toBeNull();
  });

  it("reports the busy window: the shortest span of whole ms holding 80% of the deliveries", () => {
    const s = new Session(scenario, { seed: 3, faults: [] });
    const times: number[] = [];
    new Run(scenario, { seed: 3, faults: [], listeners: [(e) => e.type === "deliver" && times.push(e.t)] }).world.runToEnd();
    const { fromMs, toMs } = s.busy!;
    const within = (a: number, b: number) => times.filter((t) => t >= a && t < b).length;
    const need = Math.ceil(times.length * 0.8);
    expect(within(fromMs, toMs)).toBeGreaterThanOrEqual(need);
    const span = toMs - fromMs;
    for (let a = 0; a + span - 1 <= Math.ceil(Math.max(...times)); a++) expect(within(a, a + span - 1)).toBeLessThan(need);
  });
});
