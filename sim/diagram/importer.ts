import type { Topology } from "../topology.ts";
import { extractBadges } from "./badges.ts";
import { splitDesigns } from "./designs.ts";
import { DiagramError, INTERNAL_LOCATION } from "./error.ts";
import { attachTexts } from "./labels.ts";
import { type DraftEdge, wireEdges } from "./nets.ts";
import { type NodeDraft, draftLabel } from "./nodeDraft.ts";
import { splitContainers } from "./containers.ts";
import { buildNodes } from "./nodes.ts";
import { type RoleOverride, overridesByNode } from "./overrides.ts";
import { parseScene } from "./scene.ts";
import { designTitles } from "./titles.ts";
import { buildTopology } from "./topologyBuild.ts";
import { collectWires } from "./wire.ts";
import { resolveWireEnds } from "./wireEnds.ts";

export interface UnmappedNode {
  readonly nodeId: string;
  readonly label: string;
  readonly elementIds: readonly string[];
  /** Title of the design the node is in. */
  readonly design: string;
}

export interface ImportReport {
  readonly designs: number;
  readonly warnings: string[];
  /** Nodes whose role could not be inferred: map them with overrides. */
  readonly unmapped: UnmappedNode[];
}

export interface ImportOptions {
  /** By element id (any element of the node). */
  readonly overrides?: Record<string, RoleOverride>;
  readonly fileName?: string;
}

export interface ImportResult {
  readonly designs: Topology[];
  readonly report: ImportReport;
  /** The non-deleted raw scene, for the browser renderer. */
  readonly scene: { readonly elements: unknown[]; readonly appState?: unknown; readonly files?: unknown };
}

/** Unlabelled shapes no arrow touches are decoration (frames around columns, stray marks). */
function dropDecorations(drafts: readonly NodeDraft[], containers: readonly NodeDraft[], edges: readonly DraftEdge[], warnings: string[]): NodeDraft[] {
  const connected = new Set(edges.flatMap((e) => [e.from, e.to]));
  const unconnected = drafts.filter((d) => draftLabel(d) === "" && !connected.has(d.key));
  const dropped = [...containers, ...unconnected];
  const gone = new Set(unconnected);
  if (dropped.length > 0) {
    const ids = dropped.slice(0, 12).map((d) => d.key).join(", ");
    warnings.push(`ignored ${dropped.length} unlabelled shape(s) with no arrows or drawn around other nodes (decoration): ${ids}${dropped.length > 12 ? ", ..." : ""}`);
  }
  return drafts.filter((d) => !gone.has(d));
}

/** Edges go to the design holding both their nodes; edges across designs are dropped. */
function edgesByDesign(parts: readonly { nodes: NodeDraft[] }[], titles: readonly string[], edges: readonly DraftEdge[], warnings: string[]): DraftEdge[][] {
  const designOf = new Map<string, number>();
  parts.forEach((p, i) => p.nodes.forEach((n) => designOf.set(n.key, i)));
  const result: DraftEdge[][] = parts.map(() => []);
  for (const edge of edges) {
    const a = designOf.get(edge.from);
    const b = designOf.get(edge.to);
    if (a !== undefined && a === b) result[a].push(edge);
    else if (a !== undefined && b !== undefined) {
      warnings.push(`arrow ${edge.elementId}: joins designs "${titles[a]}" and "${titles[b]}"; dropped`);
    }
  }
  return result;
}

function importUnchecked(text: string, options: ImportOptions): ImportResult {
  const scene = parseScene(text, options.fileName);
  const warnings = [...scene.warnings];
  const { drafts: shapes, owner } = buildNodes(scene.elements);
  const wires = collectWires(scene.elements, owner);
  const [candidates, containers] = splitContainers(shapes, scene.elements, wires);
  const annotations = attachTexts(scene.elements, candidates, owner, wires);
  const drafts = extractBadges(candidates, wires);
  const edges = wireEdges(wires, resolveWireEnds(wires, drafts, owner), warnings);
  const nodes = dropDecorations(drafts, containers, edges, warnings);
  const overrides = overridesByNode(options.overrides, owner, new Set(nodes.map((n) => n.key)), warnings);
  const parts = splitDesigns(scene.elements, nodes, annotations);
  const titles = designTitles(parts.map((p) => p.header), annotations, options.fileName);
  const designEdges = edgesByDesign(parts, titles, edges, warnings);
  const designs = parts.map((p, i) => buildTopology(titles[i], p.nodes, designEdges[i], overrides, warnings));
  const unmapped = designs.flatMap((d) =>
    d.nodes.filter((n) => n.role === "unknown").map((n) => ({ nodeId: n.id, label: n.label, elementIds: n.elementIds, design: d.title })),
  );
  if (designs.length === 0) warnings.push("no nodes found: the diagram has no shapes to import");
  return {
    designs,
    report: { designs: designs.length, warnings, unmapped },
    scene: { elements: [...scene.rawElements], appState: scene.appState, files: scene.files },
  };
}

/**
 * Imports an Excalidraw scene (Obsidian note or .excalidraw JSON) as one
 * Topology per design. Throws only DiagramError.
 */
export function importDiagram(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return importUnchecked(text, options ?? {});
  } catch (error) {
    if (error instanceof DiagramError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new DiagramError(INTERNAL_LOCATION, `unexpected failure while importing: ${message}`);
  }
}
