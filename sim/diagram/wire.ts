import type { Point } from "../topology.ts";
import type { ExElement } from "./element.ts";
import { absolutePoints } from "./geometry.ts";
import { isArrowLike, isPlainLine } from "./nodeDraft.ts";

/** An arrow, or a plain line that may connect nodes. */
export interface Wire {
  readonly el: ExElement;
  readonly points: readonly Point[];
  /** True for arrows and lines with an arrowhead: unattached ends are reported. */
  readonly arrow: boolean;
  readonly labels: string[];
}

export type WireEnd = 0 | 1;

export function wireEndPoint(w: Wire, end: WireEnd): Point {
  return end === 0 ? w.points[0] : w.points[w.points.length - 1];
}

export function wireEndHead(w: Wire, end: WireEnd): boolean {
  return end === 0 ? w.el.startArrowhead : w.el.endArrowhead;
}

export function wireEndBinding(w: Wire, end: WireEnd): string | undefined {
  return end === 0 ? w.el.startBindingId : w.el.endBindingId;
}

/** Arrows, and plain lines that are not part of a node. */
export function collectWires(elements: readonly ExElement[], owner: ReadonlyMap<string, string>): Wire[] {
  return elements
    .filter((e) => isArrowLike(e) || (isPlainLine(e) && !owner.has(e.id)))
    .map((e) => ({ el: e, points: absolutePoints(e), arrow: isArrowLike(e), labels: [] }));
}
