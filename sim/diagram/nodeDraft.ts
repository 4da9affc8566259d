import type { Box } from "../topology.ts";
import type { ExElement } from "./element.ts";

/** A node as it is being assembled from the drawing, before it gets a role and an id. */
export interface NodeDraft {
  /** Id of the node's first element; the key of the draft until ids are assigned. */
  readonly key: string;
  /** File position of the first element (stable tie-breaker). */
  readonly index: number;
  readonly elementIds: string[];
  readonly shapes: ExElement[];
  /** True when the node is a group of elements (a composite icon). */
  readonly grouped: boolean;
  box: Box;
  /** Label texts; rank 0 bound text, 1 text inside the group, 2 + gap for nearby free text. */
  readonly texts: NodeText[];
  /** For a stack of cards: the element ids of the cards behind the front one (stacks.ts). */
  readonly shadows?: ReadonlySet<string>;
}

export interface NodeText {
  readonly id: string;
  readonly text: string;
  readonly rank: number;
  readonly index: number;
  /** Bound to a shadow card of a stack: names the node only when nothing else does. */
  readonly shadow?: boolean;
}

export const SHAPE_TYPES: ReadonlySet<string> = new Set(["rectangle", "ellipse", "diamond", "image", "embeddable", "iframe"]);

export function isShape(e: ExElement): boolean {
  return SHAPE_TYPES.has(e.type);
}

export function isArrowLike(e: ExElement): boolean {
  return e.type === "arrow" || (e.type === "line" && (e.startArrowhead || e.endArrowhead));
}

export function isPlainLine(e: ExElement): boolean {
  return e.type === "line" && !e.startArrowhead && !e.endArrowhead;
}

/** Whitespace-collapsed text, "" when there is none. */
export function cleanText(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** Label parts in order: the primary name first, then notes; duplicates dropped. */
export function draftLabelParts(draft: NodeDraft): string[] {
  const own = draft.texts.filter((t) => !t.shadow);
  const sorted = [...(own.length > 0 ? own : draft.texts)].sort((a, b) => a.rank - b.rank || a.index - b.index);
  const parts: string[] = [];
  for (const t of sorted) if (!parts.some((p) => p.toLowerCase() === t.text.toLowerCase())) parts.push(t.text);
  return parts;
}

/** "primary (note; note)". */
export function draftLabel(draft: NodeDraft): string {
  const [primary = "", ...notes] = draftLabelParts(draft);
  return notes.length > 0 ? `${primary} (${notes.join("; ")})` : primary;
}
