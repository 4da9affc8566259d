import { describe, expect, it } from "vitest";
import { builtinNames, loadScenario } from "../../sim/cli/load.ts";
import { Run } from "../../sim/run.ts";
import { FAULT_KINDS } from "../../sim/scenario/faults.ts";
import { msgsim } from "../cli/run.ts";

/**
 * Every built-in scenario's own fault schedule (what the app opens it with,
 * `msgsim run <s> --scenario-faults`) is its lesson: on seed 1 the correct
 * design keeps every promised invariant, and every bug variant it offers
 * breaks one of the invariants that variant names. Seed 1 only, to keep
 * the CPU time modest.
 */

/** The first caughtBy invariant the variant breaks on seed 1 ("" when none); stops at the first safety violation. */
function brokenBy(name: string, variant: string, caughtBy: readonly string[]): string {
  const run = new Run(loadScenario(name), { seed: 1, variant, scenarioFaults: true, unpromised: false });
  const watched = run.checkers.filter((c) => caughtBy.includes(c.def.name));
  while (run.world.step()) {
    const hit = watched.find((c) => c.checker.violations.length > 0);
    if (hit) return hit.def.name;
  }
  return run.finish().invariants.find((i) => !i.ok && caughtBy.includes(i.name))?.name ?? "";
}

for (const name of builtinNames()) {
  const scenario = loadScenario(name);
  const faults = scenario.file.faults ?? [];
  describe(`scenario ${name}: its own fault schedule`, () => {
    it("does what the title says", () => {
      const title = scenario.file.title ?? "";
      const kinds = new Set(faults.map((f) => f.kind));
      expect(faults.length, "the scenario file sets faults").toBeGreaterThan(0);
      if (/crash/i.test(title)) expect(kinds.has("crash"), title).toBe(true);
      if (/every fault kind/i.test(title)) expect([...kinds].sort()).toEqual([...FAULT_KINDS].sort());
      if (/zombie/i.test(`${title} ${scenario.file.description}`)) expect(kinds.has("pause"), "a zombie is an instance paused past its session timeout").toBe(true);
    });

    it("keeps every promised invariant of the correct design on seed 1", () => {
      const r = new Run(scenario, { seed: 1, scenarioFaults: true, unpromised: false }).finish();
      expect(r.faults).toEqual(faults);
      const broken = r.invariants.filter((i) => !i.ok).map((i) => `${i.name}: ${i.violations[0].message}`);
      expect(broken, `msgsim run ${name} --scenario-faults`).toEqual([]);
    });

    for (const variant of scenario.file.variants ?? []) {
      const { caughtBy } = scenario.model.variants.find((v) => v.name === variant)!;
      it(`breaks ${caughtBy.join(" or ")} with ${variant} on seed 1`, () => {
        expect(brokenBy(name, variant, caughtBy), `msgsim run ${name} --scenario-faults --variant ${variant}`).not.toBe("");
      });
    }
  });
}

describe("msgsim run --scenario-faults (the real CLI)", () => {
  it("runs log-ctp's own schedule: the correct design exits 0, a variant exits 1; without the flag the schedule is empty", () => {
    const own = loadScenario("log-ctp").file.faults;
    const ok = msgsim("run", "log-ctp", "--scenario-faults", "--json");
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).faults).toEqual(own);
    const bug = msgsim("run", "log-ctp", "--scenario-faults", "--variant", "no-fencing", "--json");
    expect(bug.code, bug.stderr).toBe(1);
    const broken = JSON.parse(bug.stdout).invariants.filter((i: { ok: boolean }) => !i.ok).map((i: { name: string }) => i.name);
    expect(broken).toEqual(expect.arrayContaining(["fenced-zombies"]));
    const plain = msgsim("run", "log-ctp", "--variant", "no-fencing", "--json");
    expect(JSON.parse(plain.stdout).faults).toEqual([]);
    expect(plain.code).toBe(0);
  });
});
