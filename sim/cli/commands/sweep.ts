import { availableParallelism } from "node:os";
import { planRun } from "../../run.ts";
import { intFlag, onePositional, parse, seedRange, shard } from "../args.ts";
import { bold, green, red } from "../format.ts";
import { loadScenario } from "../load.ts";
import { sweepSeeds } from "../sweep/pool.ts";
import { Progress } from "../sweep/progress.ts";

export async function sweepCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse("sweep", argv, {
    seeds: { type: "string" },
    workers: { type: "string" },
    shard: { type: "string" },
    variant: { type: "string" },
    messages: { type: "string" },
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
  const progress = new Progress(seeds.length, !values.json);
  const outcomes = await sweepSeeds({ scenario: name, variant, messages }, seeds, workers, (o) => progress.tick(o.failures.length > 0));
  const failed = outcomes.filter((o) => o.failures.length > 0);
  const repro = (seed: number) =>
    `msgsim run ${name} --seed ${seed} --generate${variant ? ` --variant ${variant}` : ""}${messages !== undefined ? ` --messages ${messages}` : ""}`;
  if (values.json) {
    console.log(
      JSON.stringify(
        {
          scenario: scenario.name,
          variant,
          seeds: range,
          shard: `${part.index}/${part.count}`,
          runs: outcomes.length,
          failures: failed.flatMap((o) =>
            o.failures.map((f) => ({ seed: o.seed, invariant: f.invariant, event: f.violation.event, message: f.violation.message, faults: o.faults, command: repro(o.seed) })),
          ),
          seedsPerSec: progress.seedsPerSec,
        },
        null,
        2,
      ),
    );
  } else {
    const summary = `${bold(scenario.name)}${variant ? ` variant=${variant}` : ""}: ${outcomes.length} seeds (${range.from}..${range.to}${part.count > 1 ? `, shard ${part.index}/${part.count}` : ""}), ${progress.seedsPerSec} seeds/s`;
    console.log(summary);
    if (failed.length === 0) console.log(green("every invariant held on every seed"));
    for (const o of failed.slice(0, 10)) {
      for (const f of o.failures) console.log(red(`seed ${o.seed}: ${f.invariant} violated at event #${f.violation.event}: ${f.violation.message}`));
      console.log(`  reproduce: ${repro(o.seed)}`);
    }
    if (failed.length > 10) console.log(red(`… and ${failed.length - 10} more failing seeds`));
  }
  return failed.length === 0 ? 0 : 1;
}
