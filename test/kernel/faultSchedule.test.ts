import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run.ts";
import { compileScenario } from "../../sim/scenario/compile.ts";
import { checkFaultNodes, parseFaultSchedule } from "../../sim/scenario/faults.ts";
import { generateFaults } from "../../sim/scenario/generator.ts";

const SCENARIOS = join(import.meta.dirname, "../../scenarios");
const read = (rel: string) => readFileSync(join(SCENARIOS, rel), "utf8");

describe('fault schedules: "$event" and generator triggers aimed at the emitter', () => {
  it('accepts "$event" only in an entry with `after`, and names the entry when it is misused', () => {
    const ok = parseFaultSchedule([{ kind: "crash", node: "$event", after: { event: "msg.ack" }, durationMs: 100 }], "faults.json");
    expect(() => checkFaultNodes(ok, new Set(["api-server-1"]), "faults.json")).not.toThrow();
    expect(() => parseFaultSchedule([{ kind: "pause", node: "$event", at: 5, until: 10 }], "faults.json")).toThrow(/faults\.json: .*"\$event" stands for the node that recorded the `after` event/);
  });

  it('a trigger with target "emitter" crashes the API server that acknowledged, at that moment', () => {
    const json = JSON.parse(read("chat-notify.json"));
    json.generator.triggers = [{ event: "msg.ack", kind: "crash", target: "emitter", probability: 1, durationMs: 300 }];
    const scenario = compileScenario(json, "scenarios/chat-notify.json", read);
    const faults = generateFaults(scenario.file.generator!, scenario.topology, 7);
    expect(faults.filter((f) => "node" in f && f.node === "$event")).toHaveLength(1);
    const events: { type: string; name?: string; node?: string; t: number }[] = [];
    const r = runScenario(scenario, { seed: 7, generate: true, listeners: [(e) => void events.push(e)] });
    expect(r.invariants.filter((i) => !i.ok)).toEqual([]);
    const ack = events.find((e) => e.type === "observe" && e.name === "msg.ack")!;
    expect(events.find((e) => e.type === "crash" && e.t === ack.t)?.node).toBe(ack.node);
  });

  it("rejects a trigger that gives both targetRole and target", () => {
    const json = JSON.parse(read("chat-notify.json"));
    json.generator.triggers = [{ event: "msg.ack", kind: "crash", target: "emitter", targetRole: "api-server", probability: 1 }];
    expect(() => compileScenario(json, "scenarios/chat-notify.json", read)).toThrow(/generator\.triggers\[0\]\.target: give `targetRole` or `target`, not both/);
  });
});
