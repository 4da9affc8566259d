import type { Point, TopologyEdge } from "../topology.ts";
import type { Wire, WireEnd } from "./wire.ts";
import type { Terminal, WireEnds } from "./wireEnds.ts";

/** An edge between node drafts (keys), before ids are assigned. */
export interface DraftEdge {
  readonly from: string;
  readonly to: string;
  readonly elementId: string;
  readonly points: readonly Point[];
  readonly direction: TopologyEdge["direction"];
  readonly label?: string;
  /** File position of the arrow (stable tie-breaker). */
  readonly index: number;
}

/** Wires joined into nets: wires touching each other (branches, connector lines) form one net. */
function netsOf(count: number, touches: readonly [number, number][]): number[][] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const [a, b] of touches) parent[root(a)] = root(b);
  const nets = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const list = nets.get(root(i));
    if (list) list.push(i);
    else nets.set(root(i), [i]);
  }
  return [...nets.values()];
}

function oriented(wire: Wire, startAt: WireEnd): Point[] {
  return startAt === 0 ? [...wire.points] : [...wire.points].reverse();
}

function edgeBetween(wires: readonly Wire[], a: Terminal, b: Terminal, direction: DraftEdge["direction"]): DraftEdge {
  const wa = wires[a.wire];
  const wb = wires[b.wire];
  const points = a.wire === b.wire ? oriented(wa, a.end) : [...oriented(wa, a.end), ...oriented(wb, b.end).reverse()];
  const labels = [...new Set([...wa.labels, ...wb.labels])];
  const carrier = direction === "forward" ? wb : wa;
  return {
    from: a.node,
    to: b.node,
    elementId: carrier.el.id,
    points,
    direction,
    ...(labels.length > 0 ? { label: labels.join(", ") } : {}),
    index: carrier.el.index,
  };
}

/**
 * Edges of one net. Ends with an arrowhead are heads, ends without are
 * tails: every tail connects to every head ("forward", from the tail). A
 * net with only heads gives "both" edges, one with no heads "none" edges.
 */
function netEdges(wires: readonly Wire[], terminals: readonly Terminal[]): DraftEdge[] {
  const tails = terminals.filter((t) => !t.head);
  const heads = terminals.filter((t) => t.head);
  const edges: DraftEdge[] = [];
  if (tails.length > 0 && heads.length > 0) {
    for (const h of heads) for (const t of tails) edges.push(edgeBetween(wires, t, h, "forward"));
  } else {
    const direction = heads.length > 0 ? "both" : "none";
    terminals.forEach((a, i) => terminals.slice(i + 1).forEach((b) => edges.push(edgeBetween(wires, a, b, direction))));
  }
  return edges;
}

function describe(wire: Wire): string {
  return `${wire.arrow ? "arrow" : "line"} ${wire.el.id}`;
}

/** Turns resolved wire ends into edges; reports arrows that do not connect two distinct nodes. */
export function wireEdges(wires: readonly Wire[], ends: WireEnds, warnings: string[]): DraftEdge[] {
  const edges: DraftEdge[] = [];
  for (const { wire, end } of ends.loose) {
    const w = wires[wire];
    const p = end === 0 ? w.points[0] : w.points[w.points.length - 1];
    if (w.arrow) warnings.push(`${describe(w)}: ${end === 0 ? "start" : "end"} at (${Math.round(p.x)}, ${Math.round(p.y)}) is not attached to any node; not an edge`);
  }
  for (const net of netsOf(wires.length, ends.touches)) {
    const members = new Set(net);
    const terminals = ends.terminals.filter((t) => members.has(t.wire));
    const all = netEdges(wires, terminals);
    const kept = all.filter((e) => e.from !== e.to);
    const arrows = net.map((i) => wires[i]).filter((w) => w.arrow);
    if (kept.length < all.length && arrows.length > 0) warnings.push(`${describe(arrows[0])}: joins a node to itself; dropped`);
    edges.push(...kept);
  }
  return edges;
}
