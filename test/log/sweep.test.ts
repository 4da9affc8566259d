import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/cli/load.ts";
import { runScenario } from "../../sim/run.ts";

/**
 * Bounded sweeps with each scenario's own fault generator: the correct design
 * holds every promised invariant, and each bug variant is caught by an
 * invariant it names within a few seeds (first catching seeds found with
 * `msgsim sweep <scenario> --variant V`; the long runs are in the README).
 */
const CORRECT_SEEDS = 8;

const SCENARIOS = ["log-idempotent", "log-transactions", "log-consumer-group", "log-ctp"];

const VARIANTS: [scenario: string, variant: string, seeds: [number, number]][] = [
  ["log-idempotent", "no-idempotence", [1, 4]],
  ["log-transactions", "read-uncommitted", [1, 4]],
  ["log-transactions", "no-marker-recovery", [1, 6]],
  ["log-consumer-group", "commit-before-process", [1, 8]],
  ["log-ctp", "no-fencing", [1, 6]],
  ["log-ctp", "offsets-outside-txn", [1, 6]],
  ["log-ctp", "no-marker-recovery", [1, 6]],
];

describe("log scenarios: the correct design", () => {
  for (const name of SCENARIOS) {
    it(`${name} holds every invariant on seeds 1..${CORRECT_SEEDS}`, () => {
      const scenario = loadScenario(name);
      for (let seed = 1; seed <= CORRECT_SEEDS; seed++) {
        const r = runScenario(scenario, { seed, generate: true });
        const broken = r.invariants.filter((i) => !i.ok).map((i) => `seed ${seed} ${i.name}: ${i.violations[0]?.message}`);
        expect(broken).toEqual([]);
      }
    });
  }
});

describe("log scenarios: every bug variant is caught", () => {
  for (const [name, variant, [from, to]] of VARIANTS) {
    it(`${name} --variant ${variant} is caught within seeds ${from}..${to}`, () => {
      const scenario = loadScenario(name);
      const caughtBy = scenario.model.variants.find((v) => v.name === variant)!.caughtBy;
      let caught: string | null = null;
      for (let seed = from; seed <= to && !caught; seed++) {
        const r = runScenario(scenario, { seed, generate: true, variant });
        const hit = r.invariants.find((i) => !i.ok && caughtBy.includes(i.name));
        if (hit) caught = `seed ${seed}: ${hit.name}`;
      }
      expect(caught, `${variant} not caught by ${caughtBy.join(" or ")}`).not.toBeNull();
    });
  }
});
