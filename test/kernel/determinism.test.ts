import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/cli/load.ts";
import { sweepSeeds } from "../../sim/cli/sweep/pool.ts";
import { runScenario } from "../../sim/run.ts";

describe("determinism", () => {
  it("gives each seed the same trace hash inline and across worker threads", async () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const job = { scenario: "demo", variant: "", messages: 40 };
    const inline = await sweepSeeds(job, seeds, 1, () => {});
    const threaded = await sweepSeeds(job, seeds, 2, () => {});
    expect(threaded.map((o) => o.traceHash)).toEqual(inline.map((o) => o.traceHash));
    expect(new Set(inline.map((o) => o.traceHash)).size).toBe(seeds.length);
  });

  it("keeps the fault generator's draws apart from the models' draws", () => {
    const s = loadScenario("demo");
    const a = runScenario(s, { seed: 9, generate: true, messages: 20 });
    const b = runScenario(s, { seed: 9, generate: true, messages: 60 });
    expect(b.faults).toEqual(a.faults);
  });
});
