import { availableParallelism, loadavg } from "node:os";
import { sweepSeeds } from "../sim/cli/sweep/pool.ts";
import { goal, num } from "./table.ts";

/** The sweep bar (issue 8): 10,000 seeds x 200 messages of a chat scenario in under 60 s. */
export const GOAL_SWEEP_S = 60;
const TARGET_SEEDS = 10_000;

/**
 * Runs `seeds` seeds of a chat scenario with its fault generator across one
 * worker per core, as `msgsim sweep` does, and projects the time for 10,000.
 */
export async function runSweepBench(seeds: number, scenario = "chat-notify", messages = 200): Promise<void> {
  const workers = availableParallelism();
  console.log(
    `\nSweep: ${scenario}, ${num(messages)} messages per run, seeds 1..${num(seeds)} with the scenario's fault generator, ${workers} worker threads (as msgsim sweep).`,
  );
  console.log(`  (load average ${loadavg().map((x) => x.toFixed(2)).join(" / ")} over 1 / 5 / 15 min, ${workers} cores)`);
  const list = Array.from({ length: seeds }, (_, i) => i + 1);
  const t0 = performance.now();
  let events = 0;
  let failing = 0;
  const outcomes = await sweepSeeds({ scenario, variant: "", messages }, list, workers, (o) => {
    events += o.events;
    if (o.failures.length > 0) failing++;
  });
  const secs = (performance.now() - t0) / 1000;
  const rate = outcomes.length / secs;
  const projected = TARGET_SEEDS / rate;
  console.log(
    `  ${num(outcomes.length)} seeds in ${num(secs, 1)} s = ${num(rate, 1)} seeds/s (${num(events / outcomes.length)} trace events per run, ${num(events / secs)} events/s in all), ${failing} failing`,
  );
  console.log(
    `  projected for ${num(TARGET_SEEDS)} seeds: ${num(projected, 0)} s  goal < ${GOAL_SWEEP_S} s: ${goal(projected < GOAL_SWEEP_S)}`,
  );
}
