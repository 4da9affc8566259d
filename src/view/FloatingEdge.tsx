import { BaseEdge, EdgeLabelRenderer, getStraightPath, useInternalNode, type EdgeProps, type InternalNode } from "@xyflow/react";

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function rectOf(n: InternalNode): Rect {
  const p = n.internals.positionAbsolute;
  return { x: p.x, y: p.y, w: n.measured.width ?? 0, h: n.measured.height ?? 0 };
}

/** Where the line from the rectangle's center toward `to` leaves the rectangle. */
function borderPoint(r: Rect, to: { x: number; y: number }): { x: number; y: number } {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  const dx = to.x - cx;
  const dy = to.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const scale = Math.min(dx !== 0 ? r.w / 2 / Math.abs(dx) : Infinity, dy !== 0 ? r.h / 2 / Math.abs(dy) : Infinity);
  return { x: cx + dx * scale, y: cy + dy * scale };
}

/** A straight edge between the two nodes' borders, whatever side they face (no handle loops). */
export default function FloatingEdge({ id, source, target, markerEnd, markerStart, label, style }: EdgeProps) {
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  if (!s || !t) return null;
  const sr = rectOf(s);
  const tr = rectOf(t);
  const a = borderPoint(sr, { x: tr.x + tr.w / 2, y: tr.y + tr.h / 2 });
  const b = borderPoint(tr, { x: sr.x + sr.w / 2, y: sr.y + sr.h / 2 });
  const [path, lx, ly] = getStraightPath({ sourceX: a.x, sourceY: a.y, targetX: b.x, targetY: b.y });
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} markerStart={markerStart} style={style} />
      {label ? (
        <EdgeLabelRenderer>
          <div className="graph-edge-label nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}>
            {label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}
