import { loadScenario } from "../sim/cli/load.ts";
import { groupCostTable } from "../sim/models/chat/groupCost.ts";
import { formatTable } from "./table.ts";

/**
 * The fan-out on write vs pull cost table (issue 7): one group scenario's
 * workload at several group sizes, each run with every group fanned out on
 * write and with every group pulled.
 *
 *   npx tsx bench/groupCost.ts [--scenario chat-group-small] [--sizes 4,8,16,32,64] [--seeds 3]
 */
function option(name: string, dflt: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : dflt;
}

const scenario = loadScenario(option("scenario", "chat-group-small"));
const sizes = option("sizes", "4,8,16,32,64").split(",").map(Number);
const seeds = Array.from({ length: Number(option("seeds", "3")) }, (_, i) => i + 1);
const w = scenario.workload;
console.log(`${scenario.name}: ${String(w.groups)} groups, ${String(w.messages)} messages (groupShare 1), fault-free, no membership churn, mean of seeds ${seeds.join(", ")}`);
const rows = groupCostTable(scenario, sizes, seeds);
const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "-");
console.log(
  formatTable(
    ["group size", "mode", "writes/msg", "fan-out p50 ms", "fan-out p99 ms", "pulls/delivered", "requests/delivered", "latency p50 ms", "latency p99 ms"],
    rows.map((r) => [String(r.size), r.mode, f(r.writesPerMessage), r.mode === "write" ? f(r.fanoutP50) : "-", r.mode === "write" ? f(r.fanoutP99) : "-", f(r.pullsPerDelivered), f(r.requestsPerDelivered), f(r.latencyP50), f(r.latencyP99)]),
  ),
);
