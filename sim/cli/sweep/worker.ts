import { parentPort, workerData } from "node:worker_threads";
import { loadScenario } from "../load.ts";
import { runSeed, type SweepJob } from "./seed.ts";

/** A sweep worker: compiles the scenario once, then runs the seeds it is sent. */
const job = workerData as SweepJob;
const scenario = loadScenario(job.scenario);
parentPort!.on("message", (seeds: number[] | null) => {
  if (seeds === null) return parentPort!.close();
  parentPort!.postMessage(seeds.map((seed) => runSeed(scenario, job, seed)));
});
parentPort!.postMessage([]);
