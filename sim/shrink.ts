import type { CompiledScenario } from "./scenario/compile.ts";
import type { FaultSchedule } from "./scenario/faults.ts";
import { runScenario, type RunResult } from "./run.ts";

/** A failing case: what to run and what must break. */
export interface Case {
  readonly seed: number;
  readonly variant: string;
  readonly faults: FaultSchedule;
  readonly messages: number;
  readonly untilMs: number;
  readonly healMs: number;
}

export interface Shrunk {
  readonly case: Case;
  readonly result: RunResult;
  readonly event: number;
  readonly runs: number;
}

/** Runs a case; the violation of `invariant` if it still breaks, else undefined. */
function attempt(scenario: CompiledScenario, c: Case, invariant: string): { result: RunResult; event: number } | undefined {
  const result = runScenario(scenario, {
    seed: c.seed,
    variant: c.variant,
    faults: c.faults,
    messages: c.messages,
    untilMs: c.untilMs,
    healMs: c.healMs,
    unpromised: false,
  });
  const inv = result.invariants.find((i) => i.name === invariant);
  return inv && !inv.ok ? { result, event: inv.violations[0].event } : undefined;
}

/**
 * Shrinks a failing case to a smaller one that still breaks the same
 * invariant: delta debugging over the fault entries (drop halves, then
 * quarters, ... then single entries), then fewer messages. Deterministic:
 * the same case always shrinks to the same result. `budget` caps the runs.
 */
export function shrinkCase(scenario: CompiledScenario, start: Case, invariant: string, budget = 300): Shrunk | undefined {
  let runs = 1;
  let best = attempt(scenario, start, invariant);
  if (!best) return undefined;
  let cur = start;
  const tryCase = (c: Case): boolean => {
    if (runs >= budget) return false;
    runs++;
    const r = attempt(scenario, c, invariant);
    if (!r) return false;
    cur = c;
    best = r;
    return true;
  };
  // ddmin over fault entries: remove chunks of decreasing size.
  for (let chunk = Math.max(1, Math.floor(cur.faults.length / 2)); chunk >= 1; chunk = Math.floor(chunk / 2)) {
    for (let i = 0; i < cur.faults.length; ) {
      const faults = [...cur.faults.slice(0, i), ...cur.faults.slice(i + chunk)];
      if (!tryCase({ ...cur, faults })) i += chunk;
    }
    if (chunk === 1) break;
  }
  // Fewer messages: halve while it still fails, then step down.
  for (let m = Math.floor(cur.messages / 2); m >= 1 && tryCase({ ...cur, messages: m }); m = Math.floor(cur.messages / 2));
  for (let step = Math.max(1, Math.floor(cur.messages / 8)); step >= 1; step = Math.floor(step / 2)) {
    while (cur.messages - step >= 1 && tryCase({ ...cur, messages: cur.messages - step }));
  }
  return { case: cur, result: best!.result, event: best!.event, runs };
}
