import { runScenario, type RunOptions } from "../../run.ts";
import { intFlag, onePositional, parse } from "../args.ts";
import { formatRun } from "../format.ts";
import { loadFaults, loadScenario } from "../load.ts";
import { TraceFile } from "../traceFile.ts";

export const RUN_FLAGS = {
  seed: { type: "string" },
  faults: { type: "string" },
  generate: { type: "boolean" },
  "scenario-faults": { type: "boolean" },
  variant: { type: "string" },
  messages: { type: "string" },
  until: { type: "string" },
  heal: { type: "string" },
  trace: { type: "string" },
  json: { type: "boolean" },
} as const;

export function runCommand(argv: string[]): number {
  const { values, positionals } = parse("run", argv, RUN_FLAGS);
  const scenario = loadScenario(onePositional("run", positionals, "scenario"));
  const trace = values.trace ? new TraceFile(values.trace) : undefined;
  const options: RunOptions = {
    seed: intFlag("seed", values.seed) ?? scenario.file.seeds?.from ?? 1,
    variant: values.variant,
    faults: values.faults ? loadFaults(values.faults) : undefined,
    generate: values.generate,
    scenarioFaults: values["scenario-faults"],
    messages: intFlag("messages", values.messages),
    untilMs: intFlag("until", values.until),
    healMs: intFlag("heal", values.heal),
    listeners: trace ? [trace.listener] : [],
  };
  const result = runScenario(scenario, options);
  trace?.close();
  if (values.json) {
    const { series: _series, ...rest } = result;
    console.log(JSON.stringify(rest, null, 2));
  } else console.log(formatRun(result));
  return result.invariants.every((i) => i.ok) ? 0 : 1;
}
