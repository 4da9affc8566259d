import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../errors.ts";
import { parseFaultSchedule, type FaultSchedule } from "../scenario/faults.ts";
import { compileScenario, type CompiledScenario } from "../scenario/compile.ts";

/** The package's own folder (where scenarios/ and diagrams/ live). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SCENARIO_DIR = join(PACKAGE_ROOT, "scenarios");

export function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new InputError(path, "", `cannot read ${what}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(path, "", `not valid JSON: ${(err as Error).message}`);
  }
}

/** Names of the built-in scenarios, sorted. */
export function builtinNames(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => basename(f, ".json"))
    .sort();
}

/** A scenario argument: a built-in name or a path to a scenario file. */
export function loadScenario(arg: string): CompiledScenario {
  const builtin = join(SCENARIO_DIR, `${arg}.json`);
  const path = /[/\\]|\.json$/.test(arg) ? resolve(arg) : builtin;
  if (!existsSync(path)) {
    throw new InputError("scenario", "", `unknown scenario "${arg}" (built-in: ${builtinNames().join(", ")}; or give a path to a .json file)`);
  }
  const where = path === builtin ? `scenarios/${arg}.json` : arg;
  const dir = dirname(path);
  return compileScenario(readJson(path, "scenario"), where, (rel) => readFileSync(resolve(dir, rel), "utf8"));
}

export function loadFaults(path: string): FaultSchedule {
  return parseFaultSchedule(readJson(path, "fault schedule"), path);
}
