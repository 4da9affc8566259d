import type { Box } from "../topology.ts";
import type { ExElement } from "./element.ts";
import { boxBottom, boxCenter, boxRight, elementBox } from "./geometry.ts";
import type { NodeDraft } from "./nodeDraft.ts";
import { DESIGN_GAP } from "./tolerances.ts";

/** A vertical band of the canvas and the nodes whose centers lie in it. */
interface Band {
  top: number;
  bottom: number;
  readonly nodes: NodeDraft[];
}

/** Nodes of one design, with the free texts heading it. */
export interface DesignPart {
  readonly nodes: NodeDraft[];
  readonly header: ExElement[];
}

/** Vertical bands of elements separated by gaps of at least DESIGN_GAP. */
function bands(elements: readonly ExElement[]): Band[] {
  const spans = elements
    .filter((e) => e.type !== "frame" && e.type !== "magicframe")
    .map((e) => elementBox(e))
    .filter((b) => Number.isFinite(b.y) && Number.isFinite(boxBottom(b)))
    .sort((a, b) => a.y - b.y);
  const result: Band[] = [];
  for (const s of spans) {
    const last = result[result.length - 1];
    if (last && s.y - last.bottom < DESIGN_GAP) last.bottom = Math.max(last.bottom, boxBottom(s));
    else result.push({ top: s.y, bottom: boxBottom(s), nodes: [] });
  }
  return result;
}

function placeNodes(list: Band[], nodes: readonly NodeDraft[]): void {
  for (const node of nodes) {
    const cy = boxCenter(node.box).y;
    const band = list.find((b) => cy >= b.top && cy <= b.bottom) ?? list[list.length - 1];
    band?.nodes.push(node);
  }
}

/** Bands without nodes (a lone title, notes) join the band below them. */
function mergeTextBands(list: readonly Band[]): Band[] {
  const result: Band[] = [];
  let pendingTop: number | undefined;
  for (const band of list) {
    if (band.nodes.length === 0) {
      pendingTop ??= band.top;
      continue;
    }
    if (pendingTop !== undefined) band.top = Math.min(band.top, pendingTop);
    pendingTop = undefined;
    result.push(band);
  }
  return result;
}

/**
 * Heading texts of a band: single-line free texts in the band that end
 * above its topmost node and whose center lies within the nodes' width.
 */
function headerOf(band: Band, annotations: readonly ExElement[]): ExElement[] {
  const top = band.nodes.reduce((m, n) => Math.min(m, n.box.y), Infinity);
  const left = band.nodes.reduce((m, n) => Math.min(m, n.box.x), Infinity);
  const right = band.nodes.reduce((m, n) => Math.max(m, boxRight(n.box)), -Infinity);
  return annotations
    .filter((t) => {
      const box: Box = elementBox(t);
      const c = boxCenter(box);
      const singleLine = !(t.text ?? "").trim().includes("\n");
      return singleLine && c.y >= band.top && c.y <= band.bottom && boxBottom(box) <= top && c.x >= left && c.x <= right;
    })
    .sort((a, b) => a.y - b.y || a.x - b.x);
}

/**
 * Splits the canvas into designs. The canvas is cut into bands at
 * vertical gaps of DESIGN_GAP or more; a band with a heading (see
 * headerOf) starts a new design, a band without one continues the design
 * above it (so an untitled drawing with loose panels stays one design).
 */
export function splitDesigns(elements: readonly ExElement[], nodes: readonly NodeDraft[], annotations: readonly ExElement[]): DesignPart[] {
  const list = bands(elements);
  placeNodes(list, nodes);
  const parts: DesignPart[] = [];
  for (const band of mergeTextBands(list)) {
    const header = headerOf(band, annotations);
    const last = parts[parts.length - 1];
    if (last && header.length === 0) last.nodes.push(...band.nodes);
    else parts.push({ nodes: [...band.nodes], header });
  }
  return parts;
}
