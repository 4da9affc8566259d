import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/cli/load.ts";
import { runScenario } from "../../sim/run.ts";

/** The correct design of each group scenario holds its promised invariants under its default fault generator. */
const SCENARIOS = ["chat-group-small", "chat-group-large", "chat-group-mentions", "chat-group-sync-queue"];
const SEEDS = 12;

describe("chat groups: bounded sweep of the correct designs", () => {
  for (const name of SCENARIOS) {
    it(`${name} passes seeds 1..${SEEDS}`, () => {
      const scenario = loadScenario(name);
      const failed: string[] = [];
      for (let seed = 1; seed <= SEEDS; seed++) {
        const r = runScenario(scenario, { seed, generate: true });
        for (const inv of r.invariants) if (!inv.ok) failed.push(`seed ${seed}: ${inv.name}: ${inv.violations[0]?.message}`);
      }
      expect(failed).toEqual([]);
    });
  }
});
