/**
 * Bad input: a malformed scenario, fault schedule, diagram, URL or CLI
 * argument. Says where (file and field path) and why; the CLI prints it and
 * exits 2, the UI shows it in a banner.
 */
export class InputError extends Error {
  constructor(
    /** File, URL parameter or argument, e.g. "scenarios/demo.json". */
    readonly where: string,
    /** Field path inside it, e.g. "faults[2].until"; empty for the whole. */
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${where}${path ? `: ${path}` : ""}: ${reason}`);
    this.name = "InputError";
  }
}

/** Formats a zod-style issue path: ["faults", 2, "until"] -> "faults[2].until". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
