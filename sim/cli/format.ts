import type { RunResult } from "../run.ts";

const useColor = () => process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, s: string) => (useColor() ? `\x1b[${code}m${s}\x1b[0m` : s);
export const green = (s: string) => paint(32, s);
export const red = (s: string) => paint(31, s);
export const dim = (s: string) => paint(2, s);
export const bold = (s: string) => paint(1, s);

/** Left-aligned text table. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join("  ")).join("\n");
}

function metricLine(m: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(m)) {
    if (k === "nodes") continue;
    if (v && typeof v === "object") {
      const inner = Object.entries(v as Record<string, unknown>).map(([a, b]) => `${a}=${String(b)}`).join(" ");
      parts.push(`${k}: ${inner}`);
    } else parts.push(`${k}: ${String(v)}`);
  }
  return parts.join("\n  ");
}

/** The human-readable report of one run. */
export function formatRun(r: RunResult): string {
  const lines = [
    `${bold(r.scenario)} seed=${r.seed}${r.variant ? ` variant=${r.variant}` : ""}  events=${r.events}  t=${r.endMs}ms  trace=${r.traceHash}`,
    `faults: ${r.faults.length === 0 ? "none" : r.faults.length}`,
    "invariants:",
  ];
  for (const inv of r.invariants) {
    const mark = !inv.checked ? dim("- not checked (no heal phase)") : inv.ok ? green("ok") : red(`VIOLATED (${inv.violations.length})`);
    lines.push(`  ${inv.name.padEnd(24)} ${mark}`);
    for (const v of inv.violations.slice(0, 3)) lines.push(`    at ${v.at.toFixed(1)}ms event #${v.event}: ${v.message}`);
    if (inv.violations.length > 3) lines.push(dim(`    … ${inv.violations.length - 3} more`));
  }
  if (r.unpromised.length > 0) {
    lines.push(dim("not promised by this design (computed, they do not fail the run):"));
    for (const inv of r.unpromised) {
      const mark = !inv.checked ? "- not checked (no heal phase)" : inv.ok ? "holds" : `broken (${inv.violations.length}), first at ${inv.violations[0].at.toFixed(1)}ms event #${inv.violations[0].event}: ${inv.violations[0].message}`;
      lines.push(dim(`  ${inv.name.padEnd(24)} ${mark}`));
    }
  }
  lines.push("metrics:", `  ${metricLine(r.metrics)}`);
  const nodes = Object.entries(r.metrics.nodes);
  if (nodes.length > 0) {
    lines.push("servers:");
    const rows = [["node", "role", "util", "maxQueue", "handled", "rejected"]];
    for (const [id, n] of nodes) rows.push([id, n.role, `${Math.round(n.utilisation * 100)}%`, String(n.maxQueue), String(n.handled), String(n.rejected)]);
    lines.push(table(rows).replace(/^/gm, "  "));
  }
  return lines.join("\n");
}
