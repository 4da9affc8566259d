import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/cli/load.ts";
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
    const broken = s.result.invariants.flatMap((i) => i.violations);
    expect(violations.map((m) => m.event).sort()).toEqual(broken.map((v) => v.event).sort());
    expect(s.markers.some((m) => m.kind === "fault")).toBe(true);
  });
});
