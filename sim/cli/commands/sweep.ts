import { availableParallelism } from "node:os";
import { planRun } from "../../run.ts";
import { intFlag, onePositional, parse, seedRange, shard } from "../args.ts";
import { bold, dim, green, red } from "../format.ts";
import { loadScenario } from "../load.ts";
import { reportFailure, type FailureReport } from "../sweep/failure.ts";
import { sweepSeeds } from "../sweep/pool.ts";
import { Progress } from "../sweep/progress.ts";

export const DEFAULT_APP_URL = "http://127.0.0.1:5173/";

export async function sweepCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse("sweep", argv, {
    seeds: { type: "string" },
    workers: { type: "string" },
    shard: { type: "string" },
    variant: { type: "string" },
    messages: { type: "string" },
    "app-url": { type: "string" },
    out: { type: "string" },
    shrink: { type: "string" },
    json: { type: "boolean" },
  });
  const name = onePositional("sweep", positionals, "scenario");
  const scenario = loadScenario(name);
  const variant = values.variant ?? "";
  planRun(scenario, { seed: 1, variant }); // validates the variant as `run` does
  const range = values.seeds ? seedRange(values.seeds) : (scenario.file.seeds ?? { from: 1, to: 1000 });
  const part = values.shard ? shard(values.shard) : { index: 1, count: 1 };
  const seeds: number[] = [];
  for (let s = range.from; s <= range.to; s++) if ((s - range.from) % part.count === part.index - 1) seeds.push(s);
  const workers = intFlag("workers", values.workers, 1) ?? availableParallelism();
  const messages = intFlag("messages", values.messages);
  const shrinkCount = intFlag("shrink", values.shrink) ?? 3;
  const job = { scenario: name, variant, messages };

  const progress = new Progress(seeds.length, !values.json);
  const outcomes = await sweepSeeds(job, seeds, workers, (o) => progress.tick(o.failures.length > 0));
  const seedsPerSec = progress.seedsPerSec;
  const failed = outcomes.filter((o) => o.failures.length > 0);
  const opts = { appUrl: values["app-url"] ?? DEFAULT_APP_URL, outDir: values.out ?? ".msgsim/replays", shrink: true };
  const reports: FailureReport[] = failed.map((o, k) => reportFailure(scenario, name, job, o, { ...opts, shrink: k < shrinkCount }));
  const coverage: Record<string, number> = {};
  const workload = planRun(scenario, { seed: 1, variant, messages }).workload;
  for (const def of scenario.model.coverage ?? []) {
    if (def.appliesTo?.(workload) ?? true) coverage[def.name] = outcomes.filter((o) => o.covered.includes(def.name)).length;
  }

  if (values.json) {
    const out = { scenario: scenario.name, variant, seeds: range, shard: `${part.index}/${part.count}`, runs: outcomes.length, failures: reports, coverage, seedsPerSec };
    console.log(JSON.stringify(out, null, 2));
  } else {
    const where = `${range.from}..${range.to}${part.count > 1 ? `, shard ${part.index}/${part.count}` : ""}`;
    console.log(`${bold(scenario.name)}${variant ? ` variant=${variant}` : ""}: ${outcomes.length} seeds (${where}), ${seedsPerSec} seeds/s, ${failed.length} failing`);
    if (failed.length === 0) console.log(green("every invariant held on every seed"));
    for (const r of reports.slice(0, 10)) {
      console.log(red(`seed ${r.seed}: ${r.invariant} violated at event #${r.event}: ${r.message}`));
      const entries = (n: number) => `${n} fault ${n === 1 ? "entry" : "entries"}`;
      console.log(r.shrunk ? `  shrunk to ${entries(r.faults.length)} (from ${r.originalFaults}) and ${r.messages} messages` : `  not shrunk (--shrink N shrinks the first N failures): ${entries(r.faults.length)}`);
      console.log(`  reproduce: msgsim run ${name} --seed ${r.seed}${variant ? ` --variant ${variant}` : ""} --generate${messages !== undefined ? ` --messages ${messages}` : ""}`);
      console.log(`  replay:    ${r.command}`);
      console.log(`  open:      ${r.url}`);
    }
    if (reports.length > 10) console.log(red(`… and ${reports.length - 10} more failing seeds (replay files in ${opts.outDir})`));
    const cov = Object.entries(coverage);
    if (cov.length > 0) {
      console.log("coverage (seeds that reached each situation):");
      for (const [k, n] of cov) console.log(`  ${k.padEnd(40)} ${n === 0 ? red("0 — never reached") : `${n}/${outcomes.length}`}`);
    } else console.log(dim("coverage: this model declares no coverage situations"));
  }
  return failed.length === 0 ? 0 : 1;
}
