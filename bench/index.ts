import os from "node:os";
import { parseArgs, type BenchArgs, type Impl } from "./args.ts";
import { runBare } from "./bareModel.ts";
import { runKernel, type KernelResult } from "./kernelModel.ts";
import { modelParams, theoryLatencyMs, type ModelParams, type ModelResult } from "./model.ts";
import { runSessionBench } from "./session.ts";
import { runSweepBench } from "./sweep.ts";
import { runSimjs } from "./simjsModel.ts";
import { formatTable, goal, num } from "./table.ts";
import { runTimers } from "./timers.ts";

const GOAL_VS_BARE = 0.8;
const GOAL_VS_SIMJS = 4;
const GOAL_TIMER_EVENTS_PER_S = 1_000_000;

let args: BenchArgs;
try {
  args = parseArgs(process.argv.slice(2));
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const p = modelParams(args.messages);
const warm = modelParams(Math.max(2000, Math.round(args.messages / 10)));

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`msgsim benchmark — node ${process.version}, ${process.platform}/${process.arch}, ${cpu}, ${os.cpus().length} cpus`);
console.log("Figures are wall-clock times on this machine, in this process; compare ratios, not absolutes, across machines.\n");

const impls: { name: Impl; label: string; run: (p: ModelParams) => ModelResult }[] = [
  { name: "bare", label: "bare loop (ceiling)", run: runBare },
  { name: "kernel", label: "msgsim kernel", run: runKernel },
  { name: "simjs", label: "SIM.JS 2.0.3", run: runSimjs },
];
const selected = impls.filter((i) => args.only.has(i.name));
const results = new Map<Impl, ModelResult>();

if (selected.length > 0) {
  console.log(
    `Reference workload: ${num(p.clients)} clients x ${num(p.perClient)} messages = ${num(p.clients * p.perClient)} messages, ` +
      `${p.hops} FIFO hops (1 server, exp service mean ${p.serviceMs} ms, ~${p.utilisation * 100}% utilised), ` +
      `latency ${p.latencyMs} ms, client gaps exp mean ${num(p.gapMs, 1)} ms; warm-up ${num(warm.clients * warm.perClient)} messages each.`,
  );
  for (const impl of selected) {
    (globalThis as { gc?: () => void }).gc?.();
    impl.run(warm);
    (globalThis as { gc?: () => void }).gc?.();
    const r = impl.run(p);
    results.set(impl.name, r);
    const t = r as Partial<KernelResult>;
    const extra = t.traceHash !== undefined ? `, trace ${num(t.traceCount ?? 0)} events, hash ${t.traceHash}` : "";
    console.log(`  ran ${impl.label}: ${num(r.wallMs / 1000, 2)} s${extra}`);
  }

  const rows = selected.map((impl) => {
    const r = results.get(impl.name)!;
    const s = r.wallMs / 1000;
    return [impl.label, num(s, 3), num(r.cpuMs / 1000, 3), num(r.messages / s), num(r.events / s), num(r.events), num(r.latencySum / r.messages, 4)];
  });
  console.log("\n" + formatTable(["implementation", "wall s", "cpu s", "messages/s", "events/s", "events", "mean e2e ms"], rows));
  console.log("  (messages/s and events/s from wall time; events = what each one's own queue dequeued)");
  console.log(`  (theory, M/M/1 per hop: ${num(theoryLatencyMs(p), 4)} ms)`);
  const busy = [...results.values()].filter((r) => r.cpuMs < 0.9 * r.wallMs);
  if (busy.length > 0) console.log("  WARNING: cpu < 90% of wall for some runs: other processes took this CPU; compare the cpu-based ratios.");

  const means = [...results.values()].map((r) => r.latencySum / r.messages);
  const spread = (Math.max(...means) - Math.min(...means)) / Math.min(...means);
  const counts = [...results.values()].map((r) => r.messages);
  const sameCount = counts.every((c) => c === p.clients * p.perClient);
  if (means.length > 1) {
    console.log(
      `\nModel agreement: mean e2e latencies within ${num(spread * 100, 4)}% of each other` +
        `${spread <= 0.03 && sameCount ? " (agree: same work)" : " (DISAGREE: check the models)"}; ` +
        `messages completed: ${counts.map((c) => num(c)).join(" / ")}`,
    );
  }

  const kernel = results.get("kernel");
  const bare = results.get("bare");
  const simjs = results.get("simjs");
  console.log("");
  if (kernel && bare) {
    const ratio = bare.wallMs / kernel.wallMs;
    const cpu = bare.cpuMs / kernel.cpuMs;
    console.log(`kernel/bare   throughput ratio: ${num(ratio, 3)} (by cpu time ${num(cpu, 3)})  goal >= ${GOAL_VS_BARE}: ${goal(ratio >= GOAL_VS_BARE)}`);
  }
  if (kernel && simjs) {
    const ratio = simjs.wallMs / kernel.wallMs;
    const cpu = simjs.cpuMs / kernel.cpuMs;
    console.log(`kernel/SIM.JS throughput ratio: ${num(ratio, 2)}x (by cpu time ${num(cpu, 2)}x)  goal >= ${GOAL_VS_SIMJS}x: ${goal(ratio >= GOAL_VS_SIMJS)}`);
  }
}

if (args.only.has("timers")) {
  const warmup = Math.round(args.timerEvents / 10);
  const r = runTimers(args.pendingTimers, args.timerEvents, warmup);
  const rate = r.events / (r.wallMs / 1000);
  console.log(
    `\nTimer workload: ${num(r.pending)} pending timers, each firing re-arms one (exp delay); ` +
      `setup + ${num(warmup)} warm-up events ${num(r.setupMs / 1000, 2)} s, untimed.\n` +
      `  ${num(r.events)} events in ${num(r.wallMs / 1000, 3)} s wall (${num(r.cpuMs / 1000, 3)} s cpu) = ${num(rate)} events/s, ` +
      `heap size ${num(r.heapSize)}  goal >= ${num(GOAL_TIMER_EVENTS_PER_S)} events/s: ${goal(rate >= GOAL_TIMER_EVENTS_PER_S)}`,
  );
}

if (args.only.has("session")) runSessionBench();
if (args.only.has("sweep")) await runSweepBench(args.sweepSeeds);
// Loaded only when asked for: it brings Vite and playwright-core.
if (args.only.has("app")) await (await import("./app.ts")).runAppBench();
