import type { Point } from "../topology.ts";
import { boxArea, pointBoxDistance, polylineDistance } from "./geometry.ts";
import type { NodeDraft } from "./nodeDraft.ts";
import { ARROW_ATTACH_DISTANCE, WIRE_TOUCH_DISTANCE } from "./tolerances.ts";
import { type Wire, type WireEnd, wireEndBinding, wireEndHead, wireEndPoint } from "./wire.ts";

/** A wire end attached to a node. */
export interface Terminal {
  readonly wire: number;
  readonly end: WireEnd;
  readonly node: string;
  readonly head: boolean;
}

export interface WireEnds {
  readonly terminals: Terminal[];
  /** Pairs of wires joined because an end of one lies on the other. */
  readonly touches: [number, number][];
  readonly loose: { wire: number; end: WireEnd }[];
}

/** Nearest node within ARROW_ATTACH_DISTANCE of the point (0 inside; the smaller box wins ties). */
export function nearestNode(p: Point, drafts: readonly NodeDraft[]): NodeDraft | undefined {
  let best: { draft: NodeDraft; d: number } | undefined;
  for (const draft of drafts) {
    const d = pointBoxDistance(p, draft.box);
    if (!(d <= ARROW_ATTACH_DISTANCE)) continue;
    if (!best || d < best.d || (d === best.d && boxArea(draft.box) < boxArea(best.draft.box))) best = { draft, d };
  }
  return best?.draft;
}

function touchedWire(p: Point, self: number, wires: readonly Wire[]): number | undefined {
  let best: { i: number; d: number } | undefined;
  wires.forEach((w, i) => {
    const d = i === self ? Infinity : polylineDistance(p, w.points);
    if (d <= WIRE_TOUCH_DISTANCE && (!best || d < best.d)) best = { i, d };
  });
  return best?.i;
}

/**
 * Resolves every wire end: its binding when that names an element of a
 * node; else the nearest node within ARROW_ATTACH_DISTANCE; else another
 * wire it lies on (within WIRE_TOUCH_DISTANCE); else it is loose.
 */
export function resolveWireEnds(wires: readonly Wire[], drafts: readonly NodeDraft[], owner: ReadonlyMap<string, string>): WireEnds {
  const live = new Set(drafts.map((d) => d.key));
  const result: WireEnds = { terminals: [], touches: [], loose: [] };
  wires.forEach((wire, i) => {
    for (const end of [0, 1] as WireEnd[]) {
      const bound = owner.get(wireEndBinding(wire, end) ?? "");
      const point = wireEndPoint(wire, end);
      const node = bound !== undefined && live.has(bound) ? bound : nearestNode(point, drafts)?.key;
      const other = node === undefined ? touchedWire(point, i, wires) : undefined;
      if (node !== undefined) result.terminals.push({ wire: i, end, node, head: wireEndHead(wire, end) });
      else if (other !== undefined) result.touches.push([i, other]);
      else result.loose.push({ wire: i, end });
    }
  });
  return result;
}
