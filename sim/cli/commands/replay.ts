import { InputError } from "../../errors.ts";
import { parseReplay } from "../../replay.ts";
import { runScenario } from "../../run.ts";
import { onePositional, parse } from "../args.ts";
import { formatRun, green, red } from "../format.ts";
import { loadScenario, readJson } from "../load.ts";

/**
 * Reruns a replay file. Exit 1 when the recorded violation reproduces (as
 * `run` would), 0 when the run is clean, 2 when the file is bad or the
 * trace hash differs from the recorded one.
 */
export function replayCommand(argv: string[]): number {
  const { values, positionals } = parse("replay", argv, { json: { type: "boolean" } });
  const path = onePositional("replay", positionals, "replay file");
  const file = parseReplay(readJson(path, "replay file"), path);
  const scenario = loadScenario(file.scenario);
  const result = runScenario(scenario, {
    seed: file.seed,
    variant: file.variant,
    faults: file.faults,
    workload: file.workload,
    untilMs: file.untilMs,
    healMs: file.healMs,
  });
  const inv = result.invariants.find((i) => i.name === file.expect.invariant);
  if (!inv) throw new InputError(path, "expect.invariant", `scenario "${scenario.name}" does not check "${file.expect.invariant}"`);
  const sameHash = result.traceHash === file.expect.traceHash;
  const reproduced = !inv.ok && inv.violations[0].event === file.expect.event;
  if (values.json) console.log(JSON.stringify({ ...result, series: undefined, replay: { sameHash, reproduced, expect: file.expect } }, null, 2));
  else console.log(formatRun(result));
  if (!sameHash) {
    throw new InputError(path, "expect.traceHash", `trace hash differs: recorded ${file.expect.traceHash}, got ${result.traceHash} (the model, the scenario or msgsim changed since this file was written)`);
  }
  if (!values.json) {
    console.log(reproduced ? red(`reproduced: ${file.expect.invariant} violated at event #${file.expect.event}`) : green("the recorded violation did not reproduce"));
  }
  return inv.ok ? 0 : 1;
}
