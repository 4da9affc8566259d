import type { Topology } from "../topology.ts";
import type { ImportResult } from "./importer.ts";

function formatDesign(t: Topology, index: number, count: number): string[] {
  const idWidth = Math.max(4, ...t.nodes.map((n) => n.id.length));
  const lines = [`Design ${index + 1}/${count}: ${t.title}`, `  nodes (${t.nodes.length}):`];
  for (const n of t.nodes) lines.push(`    ${n.id.padEnd(idWidth)}  ${n.role.padEnd(20)}  ${JSON.stringify(n.label)}`);
  lines.push(`  edges (${t.edges.length}):`);
  for (const e of t.edges) {
    const arrow = e.direction === "both" ? "<->" : e.direction === "none" ? "---" : "->";
    const label = e.label !== undefined ? `  [${e.label}]` : "";
    lines.push(`    ${e.from} ${arrow} ${e.to}${label}`);
  }
  return lines;
}

/** Human-readable summary for `msgsim import <file>`: each design, then the report. */
export function formatTopology(result: ImportResult): string {
  const { designs, report } = result;
  const lines = designs.flatMap((t, i) => [...formatDesign(t, i, designs.length), ""]);
  lines.push(`Report: ${report.designs} design(s), ${report.unmapped.length} unmapped node(s), ${report.warnings.length} warning(s)`);
  if (report.unmapped.length > 0) lines.push("  unmapped (set a role with an override by element id):");
  for (const u of report.unmapped) {
    lines.push(`    ${u.design} / ${u.nodeId} ${JSON.stringify(u.label)} elements: ${u.elementIds.join(", ")}`);
  }
  if (report.warnings.length > 0) lines.push("  warnings:");
  for (const w of report.warnings) lines.push(`    - ${w}`);
  return lines.join("\n");
}
