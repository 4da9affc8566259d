import { MODELS } from "../../models/index.ts";
import { FAULT_KINDS } from "../../scenario/faults.ts";
import { TRACE_TYPES } from "../../kernel/trace.ts";
import { parse } from "../args.ts";
import { bold, table } from "../format.ts";
import { builtinNames, loadScenario } from "../load.ts";

export function listCommand(argv: string[]): number {
  const { values } = parse("list", argv, { json: { type: "boolean" } });
  const scenarios = builtinNames().map((name) => {
    const s = loadScenario(name);
    return { name, title: s.file.title ?? name, model: s.model.name, design: s.topology.title, invariants: s.file.invariants, variants: s.file.variants ?? [] };
  });
  const models = [...MODELS.values()];
  const invariants = models.flatMap((m) => m.invariants.map((i) => ({ name: i.name, kind: i.kind, model: m.name, description: i.description })));
  const variants = models.flatMap((m) => m.variants.map((v) => ({ name: v.name, model: m.name, caughtBy: v.caughtBy, description: v.description })));
  const out = { scenarios, invariants, variants, faultKinds: FAULT_KINDS, traceEventTypes: TRACE_TYPES };
  if (values.json) {
    console.log(JSON.stringify(out, null, 2));
    return 0;
  }
  console.log(bold("Scenarios"));
  console.log(table([["name", "model", "title"], ...scenarios.map((s) => [s.name, s.model, s.title])]));
  console.log(`\n${bold("Invariants")}`);
  console.log(table(invariants.map((i) => [i.name, i.kind, i.model, i.description])));
  console.log(`\n${bold("Bug variants")}`);
  console.log(table(variants.map((v) => [v.name, v.model, `[${v.caughtBy.join(" or ")}]`, v.description])));
  console.log(`\n${bold("Fault kinds")}\n${FAULT_KINDS.join(", ")}`);
  console.log(`\n${bold("Trace event types")}\n${TRACE_TYPES.join(", ")}`);
  return 0;
}
