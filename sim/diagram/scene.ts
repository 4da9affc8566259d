import { type ExElement, isObject, readElement } from "./element.ts";
import { DiagramError } from "./error.ts";
import { extractScene, jsonSyntaxError } from "./note.ts";

export interface ParsedScene {
  /** Checked, non-deleted elements in file order. */
  readonly elements: readonly ExElement[];
  /** The same elements as they were in the file, for the browser renderer. */
  readonly rawElements: readonly unknown[];
  readonly appState?: unknown;
  readonly files?: unknown;
  readonly warnings: readonly string[];
}

function parseJson(text: string): { value: unknown; at: string } {
  const source = extractScene(text);
  try {
    return { value: JSON.parse(source.json) as unknown, at: `line ${source.firstLine}` };
  } catch (error) {
    throw jsonSyntaxError(source, error);
  }
}

/**
 * Reads an Obsidian Excalidraw note or a plain `.excalidraw` file into
 * checked elements. Drops `isDeleted` elements and later duplicates of an
 * id. Throws DiagramError (with a line or a JSON path) on malformed input.
 */
export function parseScene(text: string, fileName?: string): ParsedScene {
  if (typeof text !== "string") throw new DiagramError(fileName ?? "input", "must be text");
  const { value, at } = parseJson(text);
  if (!isObject(value)) throw new DiagramError(at, "the scene must be a JSON object");
  if (!Array.isArray(value.elements)) {
    throw new DiagramError("elements", value.elements === undefined ? "missing" : "must be an array");
  }
  const elements: ExElement[] = [];
  const rawElements: unknown[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  value.elements.forEach((raw: unknown, index: number) => {
    if (isObject(raw) && raw.isDeleted === true) return;
    const element = readElement(raw, index);
    if (seen.has(element.id)) {
      warnings.push(`elements[${index}]: duplicate id ${JSON.stringify(element.id)} ignored`);
      return;
    }
    seen.add(element.id);
    elements.push(element);
    rawElements.push(raw);
  });
  return { elements, rawElements, appState: value.appState, files: value.files, warnings };
}
