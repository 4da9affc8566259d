import { describe, expect, it } from "vitest";
import { builtinNames, loadScenario } from "../../sim/cli/load.ts";
import { runScenario } from "../../sim/run.ts";
import { shrinkCase } from "../../sim/shrink.ts";

/**
 * The bounded property suite over every built-in scenario: the correct
 * design holds on the first seeds of its fault generator, and every bug
 * variant is caught (by one of the invariants it names) and shrunk to at
 * most 10 fault entries. `MSGSIM_SEEDS` raises the seed count.
 */
const SEEDS = Number(process.env.MSGSIM_SEEDS ?? 12);
const SCAN = 300;

for (const name of builtinNames()) {
  const scenario = loadScenario(name);
  describe(`scenario ${name}`, () => {
    it(`holds every promised invariant on seeds 1..${SEEDS}`, () => {
      for (let seed = 1; seed <= SEEDS; seed++) {
        const r = runScenario(scenario, { seed, generate: true });
        const broken = r.invariants.filter((i) => !i.ok).map((i) => `${i.name}: ${i.violations[0].message}`);
        expect(broken, `seed ${seed}: msgsim run ${name} --seed ${seed} --generate`).toEqual([]);
      }
    });

    for (const variant of scenario.file.variants ?? []) {
      const def = scenario.model.variants.find((v) => v.name === variant)!;
      it(`catches ${variant} by ${def.caughtBy.join(" or ")} and shrinks it to <= 10 faults`, () => {
        for (let seed = 1; seed <= SCAN; seed++) {
          const r = runScenario(scenario, { seed, variant, generate: true });
          const hit = r.invariants.find((i) => !i.ok && def.caughtBy.includes(i.name));
          if (!hit) continue;
          const start = { seed, variant, faults: r.faults, messages: Number(scenario.workload.messages), untilMs: scenario.file.generator.safetyMs, healMs: scenario.file.generator.healMs };
          const shrunk = shrinkCase(scenario, start, hit.name, 200);
          expect(shrunk, `seed ${seed} no longer fails when rerun`).toBeDefined();
          expect(shrunk!.case.faults.length).toBeLessThanOrEqual(10);
          return;
        }
        expect.fail(`${variant} not caught by ${def.caughtBy.join(" or ")} in seeds 1..${SCAN}`);
      });
    }
  });
}
