import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/cli/load.ts";
import { runScenario } from "../../sim/run.ts";

/** Virtual-time figures of one fault-free run: deterministic, so relations are exact. */
function figures(name: string, seed = 1) {
  const r = runScenario(loadScenario(name), { seed });
  expect(r.invariants.filter((i) => !i.ok).map((i) => i.name)).toEqual([]);
  const m = r.metrics as Record<string, any>;
  return { perDelivered: m.requestsPerDelivered as number, p50: m.latencyMs.p50 as number, p99: m.latencyMs.p99 as number, delivered: m.messagesDelivered as number };
}

describe("chat stages side by side", () => {
  it("stage 1 and stage 2 share the workload; polling pays far more requests per delivered message", () => {
    expect(loadScenario("chat-polling").file.workload).toMatchObject({ ...loadScenario("chat-websocket").file.workload, design: "polling" });
    for (const seed of [1, 2, 3]) {
      const poll = figures("chat-polling", seed);
      const push = figures("chat-websocket", seed);
      expect(poll.delivered).toBe(push.delivered);
      expect(poll.perDelivered).toBeGreaterThan(1.8 * push.perDelivered);
    }
  });

  it("at a load one server cannot carry, stateful servers (stage 3) beat the single WebSocket server (stage 2)", () => {
    expect(loadScenario("chat-stateful").file.workload).toMatchObject({ ...loadScenario("chat-websocket").file.workload, design: "stateful" });
    for (const seed of [1, 2, 3]) {
      const one = figures("chat-websocket", seed);
      const many = figures("chat-stateful", seed);
      expect(many.p99).toBeLessThan(one.p99);
      expect(many.p50 * 5).toBeLessThan(one.p50);
    }
  });
});

describe("chat series for the Metrics tab", () => {
  it("plots messages in flight and pushes per second, agreeing with the run's totals", () => {
    const r = runScenario(loadScenario("chat-notify"), { seed: 3, generate: true });
    const m = r.metrics as Record<string, any>;
    const inFlight = r.series.map((p) => p.extra?.["messages in flight (most)"] ?? -1);
    const pushes = r.series.map((p) => p.extra?.["pushes (per s)"] ?? -1);
    expect(Math.max(...inFlight)).toBe(m.inFlight.max);
    expect(inFlight.at(-1)).toBeGreaterThanOrEqual(m.inFlight.atEnd);
    // One-second buckets: pushes per second sum to the pushes sent.
    expect(pushes.reduce((a, b) => a + b, 0)).toBe(m.notificationsSent);
    expect(m.notificationsSent).toBeGreaterThan(0);
  });
});

describe("invariants a stage does not promise", () => {
  it("are computed and reported apart, and do not fail the run", () => {
    // Stage 2 has no notification service: an offline recipient waits for its reconnect, unnotified.
    const r = runScenario(loadScenario("chat-websocket"), { seed: 1, generate: true });
    expect(r.invariants.map((i) => i.name)).not.toContain("offline-notified");
    expect(r.invariants.every((i) => i.ok)).toBe(true);
    const notified = r.unpromised.find((i) => i.name === "offline-notified")!;
    expect(notified.ok).toBe(false);
    expect(notified.violations[0].message).toMatch(/no device ack and no push to client-\d:u\d+/);
    // Invariants the workload cannot exercise (no groups here) are left out.
    expect(r.unpromised.map((i) => i.name)).toEqual(["offline-notified"]);
    // Sweeps skip them.
    expect(runScenario(loadScenario("chat-websocket"), { seed: 1, generate: true, unpromised: false }).unpromised).toEqual([]);
  });
});
