import type { Box, Point, Topology, TopologyEdge } from "../../sim/api.ts";
import { polylineOf, type Polyline } from "./polyline.ts";

/** The drawn path a message takes between two nodes, in either direction. */
export class Routes {
  private readonly byPair = new Map<string, Polyline>();
  private readonly boxes = new Map<string, Box>();

  constructor(topology: Topology) {
    for (const n of topology.nodes) this.boxes.set(n.id, n.box);
    for (const e of topology.edges) {
      if (e.points.length < 2) continue;
      const fwd = key(e.from, e.to);
      const back = key(e.to, e.from);
      if (!this.byPair.has(fwd)) this.byPair.set(fwd, polylineOf(e.points));
      if (!this.byPair.has(back)) this.byPair.set(back, polylineOf([...e.points].reverse()));
    }
  }

  /** The arrow's polyline (reversed against the arrow), or a straight line between box centres. */
  between(from: string, to: string): Polyline | undefined {
    const k = key(from, to);
    const known = this.byPair.get(k);
    if (known) return known;
    const a = this.boxes.get(from);
    const b = this.boxes.get(to);
    if (!a || !b) return undefined;
    const line = polylineOf([boxCenter(a), boxCenter(b)]);
    this.byPair.set(k, line);
    return line;
  }
}

function key(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

export function boxCenter(b: Box): Point {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Does a link fault's endpoint pattern ("*" or an id) cover this edge, in either direction? */
export function edgeMatches(e: TopologyEdge, from: string, to: string): boolean {
  const m = (pat: string, id: string) => pat === "*" || pat === id;
  return (m(from, e.from) && m(to, e.to)) || (m(from, e.to) && m(to, e.from));
}
