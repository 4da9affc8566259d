import type { Violation } from "../../kernel/types.ts";
import { runScenario } from "../../run.ts";
import type { CompiledScenario } from "../../scenario/compile.ts";
import type { FaultSchedule } from "../../scenario/faults.ts";

export interface SweepJob {
  readonly scenario: string;
  readonly variant: string;
  readonly messages?: number;
}

export interface SeedFailure {
  readonly invariant: string;
  readonly violation: Violation;
}

/** What one seed of a sweep gives back (small: it crosses threads). */
export interface SeedOutcome {
  readonly seed: number;
  readonly events: number;
  readonly traceHash: string;
  readonly failures: readonly SeedFailure[];
  readonly faults: FaultSchedule;
  /** Coverage situations this seed reached. */
  readonly covered: readonly string[];
}

/** Runs one seed with the scenario's fault generator and reports its first violation per invariant. */
export function runSeed(scenario: CompiledScenario, job: SweepJob, seed: number): SeedOutcome {
  const r = runScenario(scenario, { seed, variant: job.variant, generate: true, messages: job.messages, unpromised: false });
  const failures = r.invariants.filter((i) => !i.ok).map((i) => ({ invariant: i.name, violation: i.violations[0] }));
  const covered = Object.keys(r.coverage).filter((k) => r.coverage[k]);
  return { seed, events: r.events, traceHash: r.traceHash, failures, faults: failures.length ? r.faults : [], covered };
}
