import type { Role } from "./roles.ts";

/** A point in diagram coordinates (Excalidraw scene units). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Axis-aligned box in diagram coordinates. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface TopologyNode {
  /** Stable readable id: `<role>-<n>` unless a scenario names it. */
  readonly id: string;
  readonly label: string;
  readonly role: Role;
  /** Excalidraw element ids that draw this node (shape, bound text, group members). */
  readonly elementIds: readonly string[];
  /** Bounding box taken from the drawing. */
  readonly box: Box;
}

export interface TopologyEdge {
  /** Stable id: `<from>-><to>` plus `#n` when the same pair has several arrows. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** Arrow element id, or undefined for edges a scenario adds. */
  readonly elementId?: string;
  /** Absolute points of the drawn arrow, start to end (at least 2). */
  readonly points: readonly Point[];
  /** "forward": from -> to; "both": arrowheads at both ends; "none": a plain line. */
  readonly direction: "forward" | "both" | "none";
  readonly label?: string;
}

export interface Topology {
  /** Design title (for multi-design canvases, the free-text stage title). */
  readonly title: string;
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
  /** Bounding box of the design on the canvas. */
  readonly box: Box;
}
