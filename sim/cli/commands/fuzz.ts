import fc from "fast-check";
import { runScenario } from "../../run.ts";
import type { FaultSchedule } from "../../scenario/faults.ts";
import { faultScheduleArb, triggerEventsOf, workloadArb } from "../../testing/arbitraries.ts";
import { intFlag, onePositional, parse } from "../args.ts";
import { green, red } from "../format.ts";
import { loadScenario } from "../load.ts";

/**
 * Property-based search with fast-check: random fault schedules and
 * workloads over the scenario's topology; fast-check shrinks a failure to
 * a minimal schedule and workload. Complements `sweep`, which replays the
 * scenario's own fault generator seed by seed.
 */
export function fuzzCommand(argv: string[]): number {
  const { values, positionals } = parse("fuzz", argv, {
    runs: { type: "string" },
    seed: { type: "string" },
    variant: { type: "string" },
    "max-messages": { type: "string" },
    json: { type: "boolean" },
  });
  const scenario = loadScenario(onePositional("fuzz", positionals, "scenario"));
  const gen = scenario.file.generator;
  const nodes = scenario.topology.nodes.map((n) => n.id);
  const maxMessages = intFlag("max-messages", values["max-messages"], 1) ?? Number(scenario.workload.messages);
  const faults = faultScheduleArb(nodes, { safetyMs: gen.safetyMs, maxEntries: 12, triggerEvents: triggerEventsOf(gen) });
  const prop = fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), faults, workloadArb({ maxMessages }), (seed, schedule, workload) => {
    const r = runScenario(scenario, { seed, variant: values.variant, faults: schedule, workload, unpromised: false });
    const bad = r.invariants.find((i) => !i.ok);
    if (bad) throw new Error(`${bad.name} at event #${bad.violations[0].event}: ${bad.violations[0].message}`);
  });
  const details = fc.check(prop, { numRuns: intFlag("runs", values.runs, 1) ?? 100, seed: intFlag("seed", values.seed) ?? 1 });
  const failed = details.failed && details.counterexample;
  const out = failed
    ? {
        ok: false,
        runs: details.numRuns,
        seed: details.counterexample![0],
        faults: details.counterexample![1] as FaultSchedule,
        workload: details.counterexample![2],
        shrinks: details.numShrinks,
        error: String((details.errorInstance as Error)?.message ?? details.errorInstance),
      }
    : { ok: true, runs: details.numRuns };
  if (values.json) console.log(JSON.stringify(out, null, 2));
  else if (!out.ok && "faults" in out) {
    console.log(red(`failed after ${out.runs} runs (${out.shrinks} shrinks): ${out.error}`));
    console.log(`seed ${out.seed}, workload ${JSON.stringify(out.workload)}`);
    console.log(`faults: ${JSON.stringify(out.faults)}`);
  } else console.log(green(`${out.runs} random schedules and workloads: every invariant held`));
  return out.ok ? 0 : 1;
}
