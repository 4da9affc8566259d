import os from "node:os";
import { loadScenario } from "../sim/cli/load.ts";
import { Session } from "../sim/session.ts";
import { formatTable, goal, num } from "./table.ts";

/** The seek bar: p95 of seeks in a run of about 1,000,000 trace events. */
export const GOAL_SEEK_P95_MS = 100;
export const SEEKS = 100;

/** The demo scenario, scaled up to about 1,000,000 trace events (the app's part runs the same in the page). */
export const SEEK_RUN = { scenario: "demo", seed: 1, messages: 80_000, ratePerSec: 2_000, untilMs: 60_000 } as const;

/** A deterministic sequence of event indices in [0, total): mulberry32 from a fixed seed. */
export function seekIndices(total: number, n: number, seed = 0x5eec): number[] {
  let a = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out.push(Math.floor(u * total));
  }
  return out;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface SeekStats {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly mean: number;
}

export function seekStats(ms: readonly number[]): SeekStats {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
}

export function seekRow(label: string, s: SeekStats): string[] {
  return [label, num(s.n), num(s.p50, 1), num(s.p95, 1), num(s.max, 1), num(s.mean, 1)];
}
export const SEEK_HEADER = ["seek", "seeks", "p50 ms", "p95 ms", "max ms", "mean ms"];

/** The machine's load, and a warning when other processes compete for its cores (the figures are then pessimistic). */
export function loadNote(): string {
  const [one] = os.loadavg();
  const cores = os.cpus().length;
  const busy = one > cores * 0.75 ? `  WARNING: load average ${num(one, 2)} on ${cores} cores: other processes compete for the CPU, figures below are pessimistic` : "";
  return `  (load average ${os.loadavg().map((x) => num(x, 2)).join(" / ")} over 1 / 5 / 15 min, ${cores} cores)${busy ? "\n" + busy : ""}`;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const MB = 1024 * 1024;

/** Bar 2a: seeks on sim/session.ts directly, in this process. */
export function runSessionBench(): void {
  const r = SEEK_RUN;
  console.log(
    `\nSession seek (Node, sim/session.ts): scenario ${r.scenario}, seed ${r.seed}, ${num(r.messages)} messages at ${num(r.ratePerSec)}/s, ` +
      `untilMs ${num(r.untilMs)}; ${SEEKS} seeks to pseudo-random event indices (fixed sequence), each timed alone.`,
  );
  console.log(loadNote());
  const scenario = loadScenario(r.scenario);
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const session = new Session(scenario, { seed: r.seed, messages: r.messages, workload: { ratePerSec: r.ratePerSec }, untilMs: r.untilMs });
  const buildMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const buildCpuMs = (cpu.user + cpu.system) / 1000;
  gc();
  const heap1 = process.memoryUsage().heapUsed;
  const total = session.totalEvents;
  const times: number[] = [];
  let inflight = 0;
  for (const i of seekIndices(total, SEEKS)) {
    const a = performance.now();
    const view = session.seek(i);
    times.push(performance.now() - a);
    inflight += view.inflight.count;
  }
  const s = seekStats(times);
  const heapNote = (globalThis as { gc?: () => void }).gc ? "after gc" : "no --expose-gc: includes garbage";
  console.log(
    `  built in ${num(buildMs / 1000, 2)} s (${num(buildCpuMs / 1000, 2)} s cpu): ${num(total)} trace events, run ends at ${num(session.result.endMs)} ms virtual, ` +
      `trace hash ${session.result.traceHash}; heap ${num((heap1 - heap0) / MB)} MB for the session (${num(heap1 / MB)} MB in all, ${heapNote})`,
  );
  console.log("\n" + formatTable(SEEK_HEADER, [seekRow("Session.seek (restore + replay + view)", s)]));
  console.log(`  (views had ${num(inflight / SEEKS)} messages in flight on average)`);
  const met = s.p95 < GOAL_SEEK_P95_MS;
  console.log(`seek p95 (Node): ${num(s.p95, 1)} ms  goal < ${GOAL_SEEK_P95_MS} ms: ${goal(met)}`);
}
