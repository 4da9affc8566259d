import type { Topology } from "../../topology.ts";

/**
 * Routing over a drawn topology: which nodes originate messages, where
 * they may end, and the next hops on a shortest path to each end.
 */
export interface Routes {
  /** Nodes that originate messages. */
  readonly sources: readonly string[];
  /** For each source, the nodes its messages may end at. */
  readonly sinks: ReadonlyMap<string, readonly string[]>;
  /** nextHops.get(node).get(sink): neighbours one step closer to sink. */
  readonly nextHops: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
}

const SOURCE_ROLES = new Set(["client", "producer"]);
const SINK_ROLES = new Set(["client", "consumer"]);

function adjacency(topology: Topology): Map<string, string[]> {
  const out = new Map<string, string[]>(topology.nodes.map((n) => [n.id, []]));
  const add = (a: string, b: string) => {
    const list = out.get(a)!;
    if (a !== b && !list.includes(b)) list.push(b);
  };
  for (const e of topology.edges) {
    add(e.from, e.to);
    if (e.direction !== "forward") add(e.to, e.from);
  }
  return out;
}

function reachable(adj: Map<string, string[]>, start: string): string[] {
  const seen = new Set([start]);
  const order: string[] = [];
  const queue = [start];
  while (queue.length) {
    for (const next of adj.get(queue.shift()!)!) {
      if (seen.has(next)) continue;
      seen.add(next);
      order.push(next);
      queue.push(next);
    }
  }
  return order;
}

/** Distance from every node to `sink` following edges forward (BFS on the reverse graph). */
function distancesTo(adj: Map<string, string[]>, sink: string): Map<string, number> {
  const reverse = new Map<string, string[]>([...adj.keys()].map((k) => [k, []]));
  for (const [a, outs] of adj) for (const b of outs) reverse.get(b)!.push(a);
  const dist = new Map([[sink, 0]]);
  const queue = [sink];
  while (queue.length) {
    const cur = queue.shift()!;
    for (const prev of reverse.get(cur)!) {
      if (dist.has(prev)) continue;
      dist.set(prev, dist.get(cur)! + 1);
      queue.push(prev);
    }
  }
  return dist;
}

export function routesFor(topology: Topology): Routes {
  const adj = adjacency(topology);
  const role = new Map(topology.nodes.map((n) => [n.id, n.role]));
  let sources = topology.nodes.filter((n) => SOURCE_ROLES.has(n.role) && adj.get(n.id)!.length > 0).map((n) => n.id);
  if (sources.length === 0) {
    const hasIn = new Set(topology.edges.map((e) => e.to));
    sources = topology.nodes.filter((n) => !hasIn.has(n.id) && adj.get(n.id)!.length > 0).map((n) => n.id);
  }
  const drawnFrom = new Set(topology.edges.filter((e) => e.direction === "forward").map((e) => e.from));
  const sinks = new Map<string, string[]>();
  const needed = new Set<string>();
  for (const s of sources) {
    const reach = reachable(adj, s);
    let ends = reach.filter((n) => SINK_ROLES.has(role.get(n)!) && !sources.includes(n));
    if (ends.length === 0) ends = reach.filter((n) => !drawnFrom.has(n));
    if (ends.length === 0 && reach.length > 0) ends = [reach[reach.length - 1]];
    sinks.set(s, ends);
    ends.forEach((e) => needed.add(e));
  }
  const nextHops = new Map<string, Map<string, string[]>>(topology.nodes.map((n) => [n.id, new Map()]));
  for (const sink of needed) {
    const dist = distancesTo(adj, sink);
    for (const [node, d] of dist) {
      if (d === 0) continue;
      nextHops.get(node)!.set(sink, adj.get(node)!.filter((m) => dist.get(m) === d - 1));
    }
  }
  return { sources: sources.filter((s) => sinks.get(s)!.length > 0), sinks, nextHops };
}
