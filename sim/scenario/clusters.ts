import { InputError } from "../errors.ts";
import type { Topology, TopologyEdge, TopologyNode } from "../topology.ts";

/**
 * A drawn node can stand for a cluster of machines (the broker cluster icon
 * of diagram 000). `clusters: {"broker-1": 3}` in a scenario replaces that
 * node by three nodes of the same role, each drawn in a slice of the
 * cluster's box, each joined by every arrow the cluster had. Nodes of the
 * role are then renumbered `<role>-<n>` in drawing order, members in a row.
 */
export function expandClusters(topology: Topology, clusters: Readonly<Record<string, number>>, where: string): Topology {
  const ids = new Set(topology.nodes.map((n) => n.id));
  for (const [id, count] of Object.entries(clusters)) {
    if (!ids.has(id)) throw new InputError(where, `clusters.${id}`, `unknown node "${id}" (nodes: ${[...ids].join(", ")})`);
    if (!Number.isInteger(count) || count < 1 || count > 32) throw new InputError(where, `clusters.${id}`, "expected a whole number of members from 1 to 32");
  }
  const members = new Map<string, TopologyNode[]>();
  const nodes: TopologyNode[] = [];
  for (const n of topology.nodes) {
    const count = clusters[n.id];
    if (!count) {
      nodes.push(n);
      continue;
    }
    const w = n.box.width / count;
    const list = Array.from({ length: count }, (_, k) => ({
      ...n,
      id: `${n.id}#${k}`,
      label: n.label ? `${n.label} ${k + 1}` : `${n.role} ${k + 1}`,
      box: { x: n.box.x + k * w, y: n.box.y, width: w, height: n.box.height },
    }));
    members.set(n.id, list);
    nodes.push(...list);
  }
  const rename = renumber(topology.nodes, members);
  const renamed = nodes.map((n) => ({ ...n, id: rename.get(n.id) ?? n.id }));
  const ends = (id: string) => (members.get(id) ?? [{ id }]).map((m) => rename.get(m.id) ?? m.id);
  const edges: TopologyEdge[] = [];
  const seen = new Map<string, number>();
  for (const e of topology.edges) {
    for (const from of ends(e.from)) {
      for (const to of ends(e.to)) {
        const base = `${from}->${to}`;
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        edges.push({ ...e, id: n === 1 ? base : `${base}#${n}`, from, to });
      }
    }
  }
  return { ...topology, nodes: renamed, edges };
}

/** New ids for the roles that had a cluster: `<role>-<n>` in drawing order, members in a row. */
function renumber(original: readonly TopologyNode[], members: Map<string, TopologyNode[]>): Map<string, string> {
  const roles = new Set([...members.keys()].map((id) => original.find((n) => n.id === id)!.role));
  const rename = new Map<string, string>();
  const counters = new Map<string, number>();
  for (const n of original) {
    if (!roles.has(n.role)) continue;
    for (const m of members.get(n.id) ?? [n]) {
      const k = (counters.get(n.role) ?? 0) + 1;
      counters.set(n.role, k);
      rename.set(m.id, `${n.role}-${k}`);
    }
  }
  return rename;
}
