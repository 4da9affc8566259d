import type { CompiledScenario } from "./compile.ts";

/** What a scenario teaches, as the app's About panel and invariant cards show it. */
export interface ScenarioGuide {
  readonly title: string;
  readonly description: string;
  /** Every invariant the model computes, with its one-line meaning. */
  readonly invariants: readonly { readonly name: string; readonly kind: "safety" | "liveness"; readonly description: string; readonly promised: boolean }[];
  /** The bug variants the scenario offers: what each switches off and what should catch it. */
  readonly variants: readonly { readonly name: string; readonly description: string; readonly caughtBy: readonly string[] }[];
  /** Drawn nodes this design gives no behaviour: they only appear on the diagram. */
  readonly idle: readonly string[];
}

/** Reads a compiled scenario's descriptions and idle nodes (as `msgsim describe` lists them). */
export function scenarioGuide(s: CompiledScenario): ScenarioGuide {
  const setup = { topology: s.topology, workload: s.workload, variant: "" };
  const offered = s.file.variants ?? s.model.variants.map((v) => v.name);
  return {
    title: s.file.title ?? s.name,
    description: s.file.description ?? "",
    invariants: s.model.invariants.map((i) => ({ name: i.name, kind: i.kind, description: i.description, promised: s.invariants.includes(i) })),
    variants: s.model.variants.filter((v) => offered.includes(v.name)).map(({ name, description, caughtBy }) => ({ name, description, caughtBy })),
    idle: s.topology.nodes.filter((n) => s.model.behaviorFor(n, setup) === null).map((n) => n.id),
  };
}
