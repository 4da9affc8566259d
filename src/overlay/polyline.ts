import type { Point } from "../../sim/api.ts";

/** A polyline with its cumulative lengths, for placing a point at a fraction of the way. */
export interface Polyline {
  readonly pts: readonly Point[];
  readonly cum: readonly number[];
  readonly length: number;
}

export function polylineOf(pts: readonly Point[]): Polyline {
  const cum = [0];
  for (let i = 1; i < pts.length; i++) cum.push(cum[i - 1] + Math.hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y));
  return { pts, cum, length: cum[cum.length - 1] };
}

/** The point `f` (0..1) of the way along; writes into `out` to spare allocations in the paint loop. */
export function polylineAt(line: Polyline, f: number, out: { x: number; y: number }): void {
  const { pts, cum, length } = line;
  if (pts.length === 1 || length === 0) {
    out.x = pts[0].x;
    out.y = pts[0].y;
    return;
  }
  const d = Math.max(0, Math.min(1, f)) * length;
  let i = 1;
  while (i < pts.length - 1 && cum[i] < d) i++;
  const seg = cum[i] - cum[i - 1];
  const k = seg === 0 ? 0 : (d - cum[i - 1]) / seg;
  out.x = pts[i - 1].x + (pts[i].x - pts[i - 1].x) * k;
  out.y = pts[i - 1].y + (pts[i].y - pts[i - 1].y) * k;
}

/** The unit direction of the polyline at fraction `f`. */
export function polylineTangent(line: Polyline, f: number): Point {
  const d = Math.max(0, Math.min(1, f)) * line.length;
  let i = 1;
  while (i < line.pts.length - 1 && line.cum[i] < d) i++;
  const a = line.pts[i - 1];
  const b = line.pts[i] ?? a;
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  return { x: (b.x - a.x) / len, y: (b.y - a.y) / len };
}

/** Distance from `p` to the polyline. */
export function polylineDistance(pts: readonly Point[], p: Point): number {
  let best = Infinity;
  for (let i = 1; i < pts.length; i++) best = Math.min(best, segmentDistance(pts[i - 1], pts[i], p));
  return pts.length === 1 ? Math.hypot(p.x - pts[0].x, p.y - pts[0].y) : best;
}

function segmentDistance(a: Point, b: Point, p: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const k = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + dx * k), p.y - (a.y + dy * k));
}
