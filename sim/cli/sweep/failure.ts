import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { appUrl } from "../../appUrl.ts";
import type { ReplayFile } from "../../replay.ts";
import { planRun } from "../../run.ts";
import type { CompiledScenario } from "../../scenario/compile.ts";
import type { FaultSchedule } from "../../scenario/faults.ts";
import { shrinkCase } from "../../shrink.ts";
import type { SeedOutcome, SweepJob } from "./seed.ts";

/** One failure as `sweep --json` prints it. */
export interface FailureReport {
  readonly seed: number;
  readonly invariant: string;
  readonly event: number;
  readonly message: string;
  readonly faults: FaultSchedule;
  /** The original (unshrunk) fault count, for the record. */
  readonly originalFaults: number;
  readonly messages: number;
  readonly replayFile: string;
  readonly url: string;
  readonly command: string;
  readonly shrunk: boolean;
}

export interface FailureOptions {
  readonly appUrl: string;
  readonly outDir: string;
  readonly shrink: boolean;
}

/**
 * Turns a failing seed into a minimal reproducible case: shrinks its fault
 * schedule and workload, writes a replay file, and builds the app URL that
 * opens at the violating event.
 */
export function reportFailure(scenario: CompiledScenario, scenarioArg: string, job: SweepJob, o: SeedOutcome, opts: FailureOptions): FailureReport {
  const first = o.failures[0];
  const plan = planRun(scenario, { seed: o.seed, variant: job.variant, faults: o.faults, messages: job.messages });
  const start = { seed: o.seed, variant: job.variant, faults: o.faults, messages: Number(plan.workload.messages), untilMs: plan.untilMs, healMs: plan.healMs };
  const shrunk = opts.shrink ? shrinkCase(scenario, start, first.invariant) : undefined;
  const c = shrunk?.case ?? start;
  const event = shrunk?.event ?? first.violation.event;
  const traceHash = shrunk?.result.traceHash ?? o.traceHash;
  const message = shrunk?.result.invariants.find((i) => i.name === first.invariant)?.violations[0]?.message ?? first.violation.message;
  const url = appUrl(opts.appUrl, { scenario: scenario.name, seed: c.seed, variant: c.variant, faults: c.faults, messages: c.messages, t: event });
  mkdirSync(opts.outDir, { recursive: true });
  const replayFile = join(opts.outDir, `${scenario.name}-${c.variant || "correct"}-seed${c.seed}.json`);
  const command = `msgsim replay ${replayFile}`;
  const replay: ReplayFile = {
    version: 1,
    scenario: scenarioArg,
    variant: c.variant,
    seed: c.seed,
    workload: { ...plan.workload, messages: c.messages },
    faults: c.faults,
    untilMs: c.untilMs,
    healMs: c.healMs,
    expect: { invariant: first.invariant, event, traceHash },
    command,
    url,
  };
  writeFileSync(replayFile, JSON.stringify(replay, null, 2) + "\n");
  return { seed: o.seed, invariant: first.invariant, event, message, faults: c.faults, originalFaults: o.faults.length, messages: c.messages, replayFile, url, command, shrunk: shrunk !== undefined };
}
