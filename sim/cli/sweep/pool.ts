import { Worker } from "node:worker_threads";
import { loadScenario } from "../load.ts";
import { runSeed, type SeedOutcome, type SweepJob } from "./seed.ts";

const BATCH = 4;

/**
 * Runs the seeds across `workers` threads (inline when 1), handing out small
 * batches so a slow seed never idles the others. Outcomes come back in seed
 * order whatever the thread timing.
 */
export async function sweepSeeds(job: SweepJob, seeds: readonly number[], workers: number, onDone: (o: SeedOutcome) => void): Promise<SeedOutcome[]> {
  const out: SeedOutcome[] = [];
  if (workers <= 1 || seeds.length <= BATCH) {
    const scenario = loadScenario(job.scenario);
    for (const seed of seeds) {
      const o = runSeed(scenario, job, seed);
      out.push(o);
      onDone(o);
    }
    return out;
  }
  let next = 0;
  const take = () => {
    const batch = seeds.slice(next, next + BATCH);
    next += batch.length;
    return batch;
  };
  await Promise.all(
    Array.from({ length: Math.min(workers, Math.ceil(seeds.length / BATCH)) }, () => {
      const w = new Worker(new URL("./entry.mjs", import.meta.url), { workerData: job });
      return new Promise<void>((resolve, reject) => {
        w.on("message", (done: SeedOutcome[]) => {
          for (const o of done) {
            out.push(o);
            onDone(o);
          }
          const batch = take();
          w.postMessage(batch.length ? batch : null);
        });
        w.on("error", reject);
        w.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`sweep worker exited with code ${code}`))));
      });
    }),
  );
  return out.sort((a, b) => a.seed - b.seed);
}
