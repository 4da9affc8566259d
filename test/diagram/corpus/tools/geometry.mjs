// Geometry for placing arrow ends on a box's outline.

/** The outline an arrow meets: the front card of a stack, the whole icon or cylinder. */
export function shapeOf(rec) {
  const b = rec.members.length > 1 && rec.kind === 'rect' && rec.main.type === 'rectangle' && rec.bbox.w !== rec.main.width
    ? { x: rec.main.x, y: rec.main.y, w: rec.main.width, h: rec.main.height }
    : rec.bbox;
  return { kind: rec.kind, x: b.x, y: b.y, w: b.w, h: b.h, cx: b.x + b.w / 2, cy: b.y + b.h / 2 };
}

export function inside(s, p) {
  const dx = Math.abs(p[0] - s.cx) / (s.w / 2);
  const dy = Math.abs(p[1] - s.cy) / (s.h / 2);
  if (s.kind === 'ellipse') return dx * dx + dy * dy <= 1;
  if (s.kind === 'diamond') return dx + dy <= 1;
  return dx <= 1 && dy <= 1;
}

/** Where the segment from p (inside s) towards q leaves s, pushed `gap` further along. */
export function boundaryPoint(s, p, q, gap) {
  let lo = 0; let hi = 1;
  const at = (t) => [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
  if (inside(s, q)) hi = 1;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (inside(s, at(mid))) lo = mid; else hi = mid;
  }
  const b = at(hi);
  const len = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
  return [b[0] + ((q[0] - p[0]) / len) * gap, b[1] + ((q[1] - p[1]) / len) * gap];
}

/** Excalidraw's binding focus: how far off-centre the line through `end` runs, -1..1. */
export function focusOf(s, end, toward) {
  const dx = toward[0] - end[0]; const dy = toward[1] - end[1];
  const len = Math.hypot(dx, dy) || 1;
  const cross = ((s.cx - end[0]) * dy - (s.cy - end[1]) * dx) / len;
  const f = cross / (Math.min(s.w, s.h) / 2 + 1e-9);
  return Math.max(-1, Math.min(1, Math.round(f * 1e6) / 1e6));
}
