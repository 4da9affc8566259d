import type { Box, Point } from "../topology.ts";
import type { ExElement } from "./element.ts";

export function boxRight(b: Box): number {
  return b.x + b.width;
}

export function boxBottom(b: Box): number {
  return b.y + b.height;
}

export function boxCenter(b: Box): Point {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

export function boxArea(b: Box): number {
  return b.width * b.height;
}

export function boxOfPoints(points: readonly Point[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return points.length === 0 ? { x: 0, y: 0, width: 0, height: 0 } : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function boxUnion(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const corners = boxes.flatMap((b) => [{ x: b.x, y: b.y }, { x: boxRight(b), y: boxBottom(b) }]);
  return boxOfPoints(corners);
}

/** Absolute points of an arrow or line (element x, y + points[i]); a diagonal when points are missing. */
export function absolutePoints(e: ExElement): Point[] {
  const rel = e.points && e.points.length > 0 ? e.points : [{ x: 0, y: 0 }, { x: e.width, y: e.height }];
  const pts = rel.map((p) => ({ x: e.x + p.x, y: e.y + p.y }));
  return pts.length === 1 ? [pts[0], pts[0]] : pts;
}

/** The element's box on the canvas (from its points for arrows and lines). */
export function elementBox(e: ExElement): Box {
  if (e.type === "arrow" || e.type === "line") return boxOfPoints(absolutePoints(e));
  const x = Math.min(e.x, e.x + e.width);
  const y = Math.min(e.y, e.y + e.height);
  return { x, y, width: Math.abs(e.width), height: Math.abs(e.height) };
}

export function boxContains(b: Box, p: Point, tolerance = 0): boolean {
  return p.x >= b.x - tolerance && p.x <= boxRight(b) + tolerance && p.y >= b.y - tolerance && p.y <= boxBottom(b) + tolerance;
}

export function boxInside(inner: Box, outer: Box, tolerance = 0): boolean {
  return boxContains(outer, inner, tolerance) && boxContains(outer, { x: boxRight(inner), y: boxBottom(inner) }, tolerance);
}

/** Distance from a point to a box's edge; 0 inside. */
export function pointBoxDistance(p: Point, b: Box): number {
  const dx = Math.max(b.x - p.x, 0, p.x - boxRight(b));
  const dy = Math.max(b.y - p.y, 0, p.y - boxBottom(b));
  return Math.sqrt(dx * dx + dy * dy);
}

/** Length of the overlap of [a0, a1] and [b0, b1] (negative: the gap between them). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.min(a1, b1) - Math.max(a0, b0);
}

export function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
  const ex = p.x - (a.x + t * dx);
  const ey = p.y - (a.y + t * dy);
  return Math.sqrt(ex * ex + ey * ey);
}

export function polylineDistance(p: Point, pts: readonly Point[]): number {
  let best = Infinity;
  for (let i = 1; i < pts.length; i++) best = Math.min(best, segmentDistance(p, pts[i - 1], pts[i]));
  return best;
}

/** Whether segment a-b crosses or touches the box (Liang-Barsky clipping). */
export function segmentHitsBox(a: Point, b: Point, box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const d = { x: b.x - a.x, y: b.y - a.y };
  const edges: [number, number][] = [
    [-d.x, a.x - box.x], [d.x, boxRight(box) - a.x],
    [-d.y, a.y - box.y], [d.y, boxBottom(box) - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** Distance between a box and a polyline; 0 when they touch. */
export function boxPolylineDistance(box: Box, pts: readonly Point[]): number {
  let best = Infinity;
  const corners = [
    { x: box.x, y: box.y }, { x: boxRight(box), y: box.y },
    { x: box.x, y: boxBottom(box) }, { x: boxRight(box), y: boxBottom(box) },
  ];
  for (let i = 1; i < pts.length; i++) {
    if (segmentHitsBox(pts[i - 1], pts[i], box)) return 0;
    for (const c of corners) best = Math.min(best, segmentDistance(c, pts[i - 1], pts[i]));
    best = Math.min(best, pointBoxDistance(pts[i - 1], box), pointBoxDistance(pts[i], box));
  }
  return best;
}
