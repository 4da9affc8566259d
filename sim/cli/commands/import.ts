import { readFileSync } from "node:fs";
import { formatTopology, importDiagram } from "../../diagram/index.ts";
import { InputError } from "../../errors.ts";
import { onePositional, parse } from "../args.ts";

export function importCommand(argv: string[]): number {
  const { values, positionals } = parse("import", argv, { json: { type: "boolean" } });
  const path = onePositional("import", positionals, "diagram file");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new InputError(path, "", `cannot read diagram: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const result = importDiagram(text, { fileName: path });
  if (values.json) {
    const { scene: _scene, ...rest } = result;
    console.log(JSON.stringify(rest, null, 2));
  } else console.log(formatTopology(result));
  return 0;
}
