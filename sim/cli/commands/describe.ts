import { onePositional, parse } from "../args.ts";
import { bold, table } from "../format.ts";
import { unpromisedInvariants } from "../../scenario/compile.ts";
import { loadScenario } from "../load.ts";
import type { FaultEntry } from "../../scenario/faults.ts";

/** What a fault hits: a node, a link, or the partition's sides. */
function faultTarget(f: FaultEntry): string {
  if ("node" in f) return f.node;
  if ("from" in f) return `${f.from} -> ${f.to}`;
  if (f.kind === "partition") return f.groups.map((g) => g.join(",")).join(" | ");
  return "";
}

/** "at 800 ms until 1600", "after txn.begin on consumer-2 +8 ms for 900 ms". */
function faultWhen(f: FaultEntry): string {
  const start = f.after ? `after ${f.after.event}${f.after.node ? ` on ${f.after.node}` : ""}${f.after.delayMs ? ` +${f.after.delayMs} ms` : ""}` : `at ${f.at} ms`;
  const end = f.until !== undefined ? ` until ${f.until}` : f.durationMs !== undefined ? ` for ${f.durationMs} ms` : "";
  return start + end;
}

export function describeCommand(argv: string[]): number {
  const { values, positionals } = parse("describe", argv, { json: { type: "boolean" } });
  const s = loadScenario(onePositional("describe", positionals, "scenario"));
  const setup = { topology: s.topology, workload: s.workload, variant: "" };
  const out = {
    name: s.name,
    title: s.file.title ?? s.name,
    description: s.file.description ?? "",
    diagram: s.file.diagram,
    design: s.topology.title,
    model: s.model.name,
    // `idle`: drawn, but this design gives the node no behaviour (it only appears on the diagram).
    nodes: s.topology.nodes.map((n) => ({ id: n.id, role: n.role, label: n.label, capacity: s.capacityFor(n), idle: s.model.behaviorFor(n, setup) === null })),
    links: s.topology.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, direction: e.direction, ...(e.label ? { label: e.label } : {}) })),
    invariants: s.invariants.map((i) => ({ name: i.name, kind: i.kind, description: i.description })),
    unpromised: unpromisedInvariants(s, s.workload).map((i) => i.name),
    variants: s.model.variants.filter((v) => s.file.variants?.includes(v.name)),
    workload: s.workload,
    // The scenario's own schedule: what the app opens it with, and `run --scenario-faults`.
    faults: s.file.faults ?? [],
    generator: s.file.generator,
    seeds: s.file.seeds ?? { from: 1, to: 1000 },
    importWarnings: s.importReport.warnings,
  };
  if (values.json) {
    console.log(JSON.stringify(out, null, 2));
    return 0;
  }
  console.log(`${bold(out.title)} (${out.name}, model ${out.model}, design "${out.design}")`);
  if (out.description) console.log(out.description);
  console.log(`\n${bold("Nodes")}`);
  console.log(table([["id", "role", "label"], ...out.nodes.map((n) => [n.id, n.role, n.idle ? `${n.label} (idle: no behaviour in this design)` : n.label])]));
  console.log(`\n${bold("Links")}`);
  console.log(out.links.map((l) => `${l.from} ${l.direction === "forward" ? "->" : l.direction === "both" ? "<->" : "--"} ${l.to}${l.label ? `  (${l.label})` : ""}`).join("\n"));
  console.log(`\n${bold("Invariants")}`);
  console.log(table(out.invariants.map((i) => [i.name, i.kind, i.description])));
  if (out.unpromised.length) console.log(`also computed, not promised by this design: ${out.unpromised.join(", ")}`);
  console.log(`\n${bold("Faults")} (its own schedule: msgsim run ${out.name} --scenario-faults)`);
  console.log(out.faults.length ? table(out.faults.map((f) => [f.kind, faultTarget(f), faultWhen(f), f.note ?? ""])) : "none");
  console.log(`\n${bold("Bug variants")}`);
  console.log(out.variants.length ? table(out.variants.map((v) => [v.name, `[${v.caughtBy.join(" or ")}]`, v.description])) : "none");
  if (out.importWarnings.length) console.log(`\n${bold("Import warnings")}\n${out.importWarnings.join("\n")}`);
  return 0;
}
