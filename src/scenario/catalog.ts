import { compileScenario, type CompiledScenario } from "../../sim/api.ts";
import { customScenario } from "./customScenario.ts";
import type { ScenarioSource } from "./source.ts";
import { teachingGroups } from "./teachingPath.ts";

/** A built-in scenario file, as listed in the picker. */
export interface CatalogEntry {
  readonly name: string;
  readonly title: string;
  /** "/scenarios/demo.json" */
  readonly path: string;
  readonly json: unknown;
}

const FILES = import.meta.glob("/scenarios/*.json", { eager: true, import: "default" }) as Record<string, unknown>;
const DIAGRAMS = import.meta.glob("/diagrams/*", { query: "?raw", import: "default" }) as Record<string, () => Promise<string>>;

function field(json: unknown, key: string): string | undefined {
  const v = json && typeof json === "object" ? (json as Record<string, unknown>)[key] : undefined;
  return typeof v === "string" ? v : undefined;
}

function entryOf(path: string, json: unknown): CatalogEntry {
  const base = path.replace(/^.*\//, "").replace(/\.json$/, "");
  const name = field(json, "name") ?? base;
  return { name, title: field(json, "title") ?? name, path, json };
}

/** Every built-in scenario, in teaching order (the first one opens when nothing is asked for). */
export const GROUPS = teachingGroups(
  Object.entries(FILES).map(([path, json]) => entryOf(path, json)),
);
export const CATALOG: readonly CatalogEntry[] = GROUPS.flatMap((g) => g.entries);

export function findBuiltin(name: string): CatalogEntry | undefined {
  return CATALOG.find((e) => e.name === name);
}

/** Resolves a path written in a scenario file against that file's folder: "/diagrams/x.txt". */
export function resolveFrom(scenarioPath: string, relative: string): string {
  return new URL(relative, `http://msgsim${scenarioPath}`).pathname;
}

function diagramFileOf(json: unknown): string | undefined {
  const d = json && typeof json === "object" ? (json as Record<string, unknown>).diagram : undefined;
  return field(d, "file");
}

/** Compiles a scenario in the browser (main thread or worker), loading its diagram first. */
export async function compileSource(source: ScenarioSource): Promise<CompiledScenario> {
  if (source.kind === "custom") {
    const json = { ...customScenario(source.fileName, source.design), ...source.scenario };
    return compileScenario(json, source.fileName, () => source.text);
  }
  const entry = findBuiltin(source.name);
  if (!entry) throw new Error(`no built-in scenario "${source.name}"`);
  const where = entry.path.replace(/^\//, "");
  const rel = diagramFileOf(entry.json);
  const texts = new Map<string, string>();
  if (rel !== undefined) {
    const load = DIAGRAMS[resolveFrom(entry.path, rel)];
    if (load) texts.set(resolveFrom(entry.path, rel), await load());
  }
  return compileScenario(entry.json, where, (relative) => {
    const text = texts.get(resolveFrom(entry.path, relative));
    if (text === undefined) throw new Error(`no file ${resolveFrom(entry.path, relative)} in the app's diagrams/`);
    return text;
  });
}
