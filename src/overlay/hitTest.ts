import type { Point, Topology } from "../../sim/api.ts";
import type { Target } from "../app/state.ts";
import { polylineDistance } from "./polyline.ts";

/** What a click at scene point `p` hits: the smallest node box around it, else the nearest edge within `tolerance`. */
export function hitTest(topology: Topology, p: Point, tolerance: number): Target | null {
  let best: { id: string; area: number } | null = null;
  for (const n of topology.nodes) {
    const b = n.box;
    if (p.x < b.x || p.y < b.y || p.x > b.x + b.width || p.y > b.y + b.height) continue;
    const area = b.width * b.height;
    if (!best || area < best.area) best = { id: n.id, area };
  }
  if (best) return { kind: "node", id: best.id };
  let edge: { id: string; d: number } | null = null;
  for (const e of topology.edges) {
    const d = polylineDistance(e.points, p);
    if (d <= tolerance && (!edge || d < edge.d)) edge = { id: e.id, d };
  }
  return edge ? { kind: "edge", id: edge.id } : null;
}
