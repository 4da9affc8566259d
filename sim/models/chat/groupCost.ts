import { runScenario } from "../../run.ts";
import type { CompiledScenario } from "../../scenario/compile.ts";

/** One row of the fan-out on write vs pull table. */
export interface GroupCostRow {
  readonly size: number;
  readonly mode: "write" | "pull";
  readonly writesPerMessage: number;
  readonly fanoutP50: number;
  readonly fanoutP99: number;
  readonly pullsPerDelivered: number;
  readonly requestsPerDelivered: number;
  readonly latencyP50: number;
  readonly latencyP99: number;
}

const mean = (xs: readonly number[]) => Math.round((xs.reduce((s, x) => s + x, 0) / (xs.length || 1)) * 100) / 100;

/**
 * Runs one group scenario's workload at each group size, once with every
 * group fanned out on write and once with every group pulled (the same
 * runs but for largeGroupThreshold), fault-free, and averages the figures
 * over `seeds`. Membership churn and mentions are off so the two modes see
 * exactly the same groups and messages.
 */
export function groupCostTable(scenario: CompiledScenario, sizes: readonly number[], seeds: readonly number[]): GroupCostRow[] {
  const rows: GroupCostRow[] = [];
  for (const size of sizes) {
    for (const mode of ["write", "pull"] as const) {
      const workload = { groupSizes: [size], users: Math.max(Number(scenario.workload.users), size), groupShare: 1, joinLeavePerSec: 0, mentionShare: 0, largeGroupThreshold: mode === "pull" ? 0 : 1_000_000 };
      const figures = seeds.map((seed) => {
        const m = runScenario(scenario, { seed, workload, faults: [], unpromised: false }).metrics as Record<string, any>;
        const g = m[`groupSize${size}`] ?? {};
        return [g.writesPerMessage, g.fanoutP50, g.fanoutP99, g.pullsPerDelivered, m.requestsPerDelivered, g.latencyP50, g.latencyP99].map(Number);
      });
      const col = (k: number) => mean(figures.map((f) => f[k]));
      rows.push({ size, mode, writesPerMessage: col(0), fanoutP50: col(1), fanoutP99: col(2), pullsPerDelivered: col(3), requestsPerDelivered: col(4), latencyP50: col(5), latencyP99: col(6) });
    }
  }
  return rows;
}
