import type { InvariantDef } from "../check/checker.ts";
import { DiagramError, importDiagram, type ImportReport } from "../diagram/index.ts";
import { InputError, formatPath } from "../errors.ts";
import { DEFAULT_NETWORK, type NetworkConfig } from "../kernel/network.ts";
import type { Capacity } from "../kernel/types.ts";
import type { ModelDef } from "../model.ts";
import { MODELS } from "../models/index.ts";
import { roleIsServer } from "../roles.ts";
import type { Topology, TopologyNode } from "../topology.ts";
import { expandClusters } from "./clusters.ts";
import { checkFaultNodes } from "./faults.ts";
import { scenarioSchema, type ScenarioFile } from "./schema.ts";

/** A scenario file checked and joined with its diagram and model. */
export interface CompiledScenario {
  readonly file: ScenarioFile;
  readonly name: string;
  /** Where it came from (a path or "builtin:NAME"), for error messages. */
  readonly where: string;
  readonly diagramText: string;
  readonly topology: Topology;
  readonly importReport: ImportReport;
  readonly model: ModelDef;
  readonly invariants: readonly InvariantDef[];
  readonly workload: Readonly<Record<string, unknown>>;
  readonly network: NetworkConfig;
  capacityFor(node: TopologyNode): Capacity | null;
}

const DEFAULT_CAPACITY: Capacity = { serviceMs: { dist: "exp", mean: 1, min: 0.2 }, concurrency: 8, queueLimit: 1000 };

/** Reads a file named in a scenario, relative to the scenario file. */
export type FileReader = (relativePath: string) => string;

function pickDesign(file: ScenarioFile, designs: readonly Topology[], where: string): Topology {
  const want = file.diagram.design;
  if (want === undefined) {
    if (designs.length === 1) return designs[0];
    const titles = designs.map((d, i) => `${i}: "${d.title}"`).join(", ");
    throw new InputError(where, "diagram.design", `the diagram holds ${designs.length} designs; name one (${titles})`);
  }
  const found =
    typeof want === "number" ? designs[want] : designs.find((d) => d.title.toLowerCase() === want.toLowerCase());
  if (!found) {
    const titles = designs.map((d) => `"${d.title}"`).join(", ");
    throw new InputError(where, "diagram.design", `no design ${JSON.stringify(want)} (designs: ${titles})`);
  }
  return found;
}

function parseFile(json: unknown, where: string): ScenarioFile {
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : "";
    throw new InputError(where, formatPath(first.path), first.message + more);
  }
  return parsed.data;
}

function checkNames(file: ScenarioFile, model: ModelDef, where: string): InvariantDef[] {
  const offered = new Map(model.invariants.map((i) => [i.name, i]));
  const invariants = file.invariants.map((name, k) => {
    const inv = offered.get(name);
    if (!inv) throw new InputError(where, `invariants[${k}]`, `model "${model.name}" has no invariant "${name}" (it has: ${[...offered.keys()].join(", ")})`);
    return inv;
  });
  const variants = new Set(model.variants.map((v) => v.name));
  file.variants?.forEach((name, k) => {
    if (!variants.has(name)) throw new InputError(where, `variants[${k}]`, `model "${model.name}" has no variant "${name}" (it has: ${[...variants].join(", ")})`);
  });
  return invariants;
}

/**
 * The model's invariants the scenario does not promise but the workload can
 * exercise: computed and reported apart ("not promised by this design").
 */
export function unpromisedInvariants(scenario: CompiledScenario, workload: Readonly<Record<string, unknown>>): InvariantDef[] {
  return scenario.model.invariants.filter((def) => !scenario.invariants.includes(def) && (def.appliesTo?.(workload) ?? true));
}

/** Validates a parsed scenario file and joins it with its diagram and model. */
export function compileScenario(json: unknown, where: string, readFile: FileReader): CompiledScenario {
  const file = parseFile(json, where);
  const model = MODELS.get(file.model);
  if (!model) throw new InputError(where, "model", `unknown model "${file.model}" (models: ${[...MODELS.keys()].join(", ")})`);
  const invariants = checkNames(file, model, where);
  let diagramText: string;
  try {
    diagramText = readFile(file.diagram.file);
  } catch (err) {
    throw new InputError(where, "diagram.file", `cannot read ${file.diagram.file}: ${String((err as Error)?.message ?? err)}`);
  }
  let imported;
  try {
    imported = importDiagram(diagramText, { overrides: file.nodes, fileName: file.diagram.file });
  } catch (err) {
    if (err instanceof DiagramError) throw new InputError(file.diagram.file, "", err.message);
    throw err;
  }
  const drawn = pickDesign(file, imported.designs, where);
  const topology = file.clusters ? expandClusters(drawn, file.clusters, where) : drawn;
  const ids = new Set(topology.nodes.map((n) => n.id));
  if (file.faults) checkFaultNodes(file.faults, ids, `${where}: faults`);
  for (const id of Object.keys(file.capacity?.nodes ?? {})) {
    if (!ids.has(id)) throw new InputError(where, `capacity.nodes.${id}`, `unknown node "${id}"`);
  }
  const cap = file.capacity;
  return {
    file,
    name: file.name,
    where,
    diagramText,
    topology,
    importReport: imported.report,
    model,
    invariants,
    workload: { ...model.workloadDefaults, ...file.workload },
    network: { ...DEFAULT_NETWORK, ...file.network },
    capacityFor(node) {
      const own = cap?.nodes?.[node.id] ?? cap?.roles?.[node.role];
      if (own) return own;
      return roleIsServer(node.role) ? (cap?.default ?? DEFAULT_CAPACITY) : null;
    },
  };
}
