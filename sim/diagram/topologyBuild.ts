import type { Role } from "../roles.ts";
import type { Point, Topology, TopologyEdge, TopologyNode } from "../topology.ts";
import { boxOfPoints, boxUnion } from "./geometry.ts";
import { assignEdgeIds, assignNodeIds, readingOrder } from "./ids.ts";
import type { DraftEdge } from "./nets.ts";
import { type NodeDraft, draftLabel, draftLabelParts } from "./nodeDraft.ts";
import type { RoleOverride } from "./overrides.ts";
import { type RoleContext, inferRole } from "./roleRules.ts";

const WEB_SOCKET = /\bweb ?-?sockets?\b|\bws\b/i;

function isCluster(draft: NodeDraft): boolean {
  const ellipses = draft.shapes.filter((s) => s.type === "ellipse").length;
  return draft.grouped && draft.shapes.length >= 3 && ellipses >= 2 && draftLabel(draft) === "";
}

function designContext(title: string, nodes: readonly NodeDraft[], edges: readonly DraftEdge[]): Omit<RoleContext, "cluster"> {
  const texts = [title, ...nodes.map(draftLabel), ...edges.map((e) => e.label ?? "")];
  return { title, webSockets: texts.some((t) => WEB_SOCKET.test(t)) };
}

function topologyBox(nodes: readonly TopologyNode[], edges: readonly TopologyEdge[]): Topology["box"] {
  const points: Point[] = edges.flatMap((e) => e.points);
  return boxUnion([...nodes.map((n) => n.box), ...(points.length > 0 ? [boxOfPoints(points)] : [])]);
}

/** One design's Topology: roles (rules, then overrides), ids in reading order, edges in node order. */
export function buildTopology(
  title: string,
  drafts: readonly NodeDraft[],
  edges: readonly DraftEdge[],
  overrides: ReadonlyMap<string, RoleOverride>,
  warnings: string[],
): Topology {
  const ordered = readingOrder(drafts);
  const ctx = designContext(title, ordered, edges);
  const roles: Role[] = ordered.map(
    (d) => overrides.get(d.key)?.role ?? inferRole(draftLabelParts(d), { ...ctx, cluster: isCluster(d) }),
  );
  const ids = assignNodeIds(roles, ordered.map((d) => overrides.get(d.key)?.id), warnings);
  const idOf = new Map(ordered.map((d, i) => [d.key, ids[i]]));
  const rank = new Map(ordered.map((d, i) => [d.key, i]));
  const nodes: TopologyNode[] = ordered.map((d, i) => ({
    id: ids[i],
    label: draftLabel(d),
    role: roles[i],
    elementIds: [...d.elementIds],
    box: d.box,
  }));
  const sorted = [...edges].sort(
    (a, b) => (rank.get(a.from) ?? 0) - (rank.get(b.from) ?? 0) || (rank.get(a.to) ?? 0) - (rank.get(b.to) ?? 0) || a.index - b.index,
  );
  const pairs = sorted.map((e) => ({ from: idOf.get(e.from) ?? e.from, to: idOf.get(e.to) ?? e.to }));
  const edgeIds = assignEdgeIds(pairs);
  const topologyEdges: TopologyEdge[] = sorted.map((e, i) => ({
    id: edgeIds[i],
    from: pairs[i].from,
    to: pairs[i].to,
    elementId: e.elementId,
    points: e.points,
    direction: e.direction,
    ...(e.label !== undefined ? { label: e.label } : {}),
  }));
  return { title, nodes, edges: topologyEdges, box: topologyBox(nodes, topologyEdges) };
}
