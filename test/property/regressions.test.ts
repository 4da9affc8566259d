import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/cli/load.ts";
import { runScenario, type RunOptions } from "../../sim/run.ts";

/** The invariants a run of a built-in scenario breaks. */
const broken = (name: string, options: RunOptions) =>
  runScenario(loadScenario(name), options)
    .invariants.filter((i) => !i.ok)
    .map((i) => i.name);

/** Cases `msgsim fuzz` found, kept as they were printed. */
describe("fuzz regressions", () => {
  it("a slow workload still sending at the end of the heal phase is not a lost message (chat-notify, fuzz seed 7)", () => {
    expect(broken("chat-notify", { seed: 342752562, faults: [], workload: { messages: 15, ratePerSec: 3, connectChurn: 0 } })).toEqual([]);
  });

  it("nor a record with no output yet, nor its open transaction (log-ctp, fuzz seed 11)", () => {
    const faults = [{ kind: "crash" as const, node: "producer-1", at: 0, until: 1 }];
    expect(broken("log-ctp", { seed: 3, faults, workload: { messages: 17, ratePerSec: 2, connectChurn: 0 } })).toEqual([]);
  });
});

describe("sweep regressions", () => {
  it("a member whose queue holds more than one redelivery batch gets all of it (chat-group-small seed 7860, shrunk)", () => {
    const faults = [
      { kind: "crash" as const, node: "messaging-worker-1", at: 626, until: 2903 },
      { kind: "crash" as const, node: "group-db-1", after: { event: "msg.ack" }, durationMs: 300 },
    ];
    expect(broken("chat-group-small", { seed: 7860, faults, messages: 148 })).toEqual([]);
  });
});

describe("a pulled group after a long pause of a Receive Service", () => {
  it("a member who left still reads what it was owed (chat-group-large seed 1259, shrunk)", () => {
    const faults = [
      { kind: "pause" as const, node: "receive-service-1", at: 619, until: 2896 },
      { kind: "crash" as const, node: "receive-service-2", after: { event: "msg.ack" }, durationMs: 300 },
    ];
    expect(broken("chat-group-large", { seed: 1259, faults, messages: 153 })).toEqual([]);
  });
});
