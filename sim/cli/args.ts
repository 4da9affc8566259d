import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "../errors.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** parseArgs with errors as InputError("arguments"); main prints the command's usage after them. */
export function parse<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>({
      args: argv,
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new InputError("arguments", "", (err as Error).message);
  }
}

export function intFlag(name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min) throw new InputError(`--${name}`, "", `expected an integer >= ${min}, got "${value}"`);
  return Number(value);
}

/** "A..B" (inclusive) or a single seed "N". */
export function seedRange(value: string): { from: number; to: number } {
  const m = /^(\d+)(?:\.\.(\d+))?$/.exec(value);
  if (!m) throw new InputError("--seeds", "", `expected A..B (inclusive) or N, got "${value}"`);
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (to < from) throw new InputError("--seeds", "", `range ends (${to}) before it starts (${from})`);
  return { from, to };
}

/** "i/n" with 1 <= i <= n. */
export function shard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new InputError("--shard", "", `expected i/n with 1 <= i <= n, got "${value}"`);
  return { index, count };
}

export function onePositional(command: string, positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new InputError("arguments", "", `expected one ${what}, got ${positionals.length}`);
  return positionals[0];
}
