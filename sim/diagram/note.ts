import { DiagramError } from "./error.ts";
import { jsonErrorOffset } from "./jsonSyntax.ts";
import { decompressFromBase64 } from "./lzString.ts";

/** The scene JSON found in a file, and the file line its first character is on. */
export interface SceneSource {
  readonly json: string;
  readonly firstLine: number;
  readonly format: "excalidraw" | "obsidian-json" | "obsidian-compressed";
}

const FENCE = /^```(json|compressed-json)[ \t]*\r?\n([\s\S]*?)\r?\n```/m;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Finds the scene in an Obsidian Excalidraw note (```json or
 * ```compressed-json fence) or takes a plain `.excalidraw` JSON file as is.
 */
export function extractScene(text: string): SceneSource {
  const plain = text.replace(/^\uFEFF/, "");
  if (plain.trimStart().startsWith("{")) return { json: plain, firstLine: 1, format: "excalidraw" };
  const fence = FENCE.exec(text);
  if (!fence) {
    throw new DiagramError("note", "no ```json or ```compressed-json fence found, and the file is not a JSON object");
  }
  const bodyOffset = fence.index + fence[0].indexOf("\n") + 1;
  const firstLine = lineOf(text, bodyOffset);
  if (fence[1] === "json") return { json: fence[2], firstLine, format: "obsidian-json" };
  const json = decompressFromBase64(fence[2].replace(/\s+/g, ""));
  if (json === null || json === "") {
    throw new DiagramError(`line ${firstLine}`, "compressed-json fence does not hold a valid LZ-String base64 stream");
  }
  return { json, firstLine, format: "obsidian-compressed" };
}

/** Turns a JSON.parse failure into a DiagramError naming the line of the first syntax error. */
export function jsonSyntaxError(source: SceneSource, error: unknown): DiagramError {
  const message = error instanceof Error ? error.message : String(error);
  const offset = jsonErrorOffset(source.json);
  const compressed = source.format === "obsidian-compressed";
  const line = source.firstLine + (offset >= 0 && !compressed ? lineOf(source.json, offset) - 1 : 0);
  const where = compressed ? ` (inside the compressed scene, at character ${offset})` : "";
  return new DiagramError(`line ${line}`, `invalid JSON${where}: ${message.slice(0, 200)}`);
}
