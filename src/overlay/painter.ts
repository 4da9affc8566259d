import type { FaultSchedule, Topology, TopologyEdge, WorldView } from "../../sim/api.ts";
import type { Camera } from "./camera.ts";
import { STATE_COLORS, messageColor, nodeState } from "./colors.ts";
import { polylineAt, polylineOf, polylineTangent } from "./polyline.ts";
import { edgeMatches, type Routes } from "./routes.ts";

export interface PaintInput {
  readonly camera: Camera;
  /** CSS pixels. */
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
  readonly topology: Topology;
  readonly routes: Routes;
  readonly view: WorldView | null;
  /** Virtual time the tokens are placed at. */
  readonly now: number;
  readonly selected: string | null;
  /** The schedule: tells a cut (loss of every message) from partial loss, which the view does not carry. */
  readonly faults: FaultSchedule;
  readonly highlight: { readonly nodes: readonly string[]; readonly msgs: readonly number[] } | null;
  /** Drawn nodes the design gives no behaviour: greyed and labelled "idle". */
  readonly idle: ReadonlySet<string>;
  /** Token radius multiplier (big tokens for a projector). */
  readonly tokenScale: number;
  /** Label size multiplier (presenting). */
  readonly labelScale: number;
}

const TINT_ALPHA = "55";
const FAULT_LABEL: Record<string, string> = { drop: "loss", duplicate: "dup", delay: "slow" };
const FAULT_COLOR: Record<string, string> = { drop: "#c92a2a", duplicate: "#862e9c", delay: "#e67700" };
const at = { x: 0, y: 0 };

/** Draws node states, cuts, link faults, queue badges and message tokens; returns tokens drawn. */
export function paint(ctx: CanvasRenderingContext2D, input: PaintInput): number {
  const { camera: c, dpr, view } = input;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, input.width * dpr, input.height * dpr);
  if (!view) return 0;
  const z = c.zoom;
  ctx.setTransform(dpr * z, 0, 0, dpr * z, dpr * z * c.scrollX, dpr * z * c.scrollY);
  const px = 1 / z; // one screen pixel in scene units
  paintIdle(ctx, input, px * input.labelScale);
  paintNodes(ctx, input, px);
  paintPartitions(ctx, input, px);
  paintLinkFaults(ctx, input, px);
  const drawn = paintTokens(ctx, input, px);
  paintBadges(ctx, input, px);
  return drawn;
}

const IDLE = "#868e96";

/** Idle nodes: a grey veil and an "idle" label, so nobody expects them to do anything. */
function paintIdle(ctx: CanvasRenderingContext2D, input: PaintInput, lp: number): void {
  if (input.idle.size === 0) return;
  for (const n of input.topology.nodes) {
    if (!input.idle.has(n.id)) continue;
    const b = n.box;
    ctx.fillStyle = "rgba(241, 243, 245, 0.78)";
    roundRect(ctx, b.x - 2, b.y - 2, b.width + 4, b.height + 4, 6);
    ctx.fill();
    pill(ctx, "idle", b.x + b.width / 2, b.y + b.height / 2, IDLE, lp);
  }
}

function paintNodes(ctx: CanvasRenderingContext2D, input: PaintInput, px: number): void {
  const lp = px * input.labelScale;
  const boxes = new Map(input.topology.nodes.map((n) => [n.id, n.box]));
  const hot = new Set(input.highlight?.nodes ?? []);
  for (const n of input.view!.nodes) {
    const b = boxes.get(n.id);
    if (!b) continue;
    const state = nodeState(n);
    if (state !== "up") {
      ctx.fillStyle = STATE_COLORS[state] + TINT_ALPHA;
      ctx.strokeStyle = STATE_COLORS[state];
      ctx.lineWidth = 3 * px;
      roundRect(ctx, b.x - 4 * px, b.y - 4 * px, b.width + 8 * px, b.height + 8 * px, 8 * px);
      ctx.fill();
      ctx.stroke();
      label(ctx, state, b.x + b.width / 2, b.y + b.height + 14 * lp, STATE_COLORS[state], lp);
    }
    if (hot.has(n.id)) ring(ctx, b, "#e03131", 10 * px, 4 * px, []);
    if (n.id === input.selected) ring(ctx, b, "#1c7ed6", 7 * px, 2 * px, [6 * px, 4 * px]);
  }
}

function ring(ctx: CanvasRenderingContext2D, b: { x: number; y: number; width: number; height: number }, color: string, pad: number, w: number, dash: number[]): void {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = w;
  ctx.setLineDash(dash);
  roundRect(ctx, b.x - pad, b.y - pad, b.width + 2 * pad, b.height + 2 * pad, pad);
  ctx.stroke();
  ctx.restore();
}

function paintPartitions(ctx: CanvasRenderingContext2D, input: PaintInput, px: number): void {
  for (const groups of input.view!.partitions) {
    const side = new Map<string, number>();
    groups.forEach((g, i) => g.forEach((id) => side.set(id, i)));
    for (const e of input.topology.edges) {
      const a = side.get(e.from);
      const b = side.get(e.to);
      if (a !== undefined && b !== undefined && a !== b) cut(ctx, e, px);
    }
  }
}

/** A dashed red mark across the middle of an edge. */
function cut(ctx: CanvasRenderingContext2D, e: TopologyEdge, px: number): void {
  const line = polylineOf(e.points);
  polylineAt(line, 0.5, at);
  const t = polylineTangent(line, 0.5);
  const n = { x: -t.y, y: t.x };
  const half = 16 * px;
  ctx.save();
  ctx.strokeStyle = "#e03131";
  ctx.lineWidth = 4 * px;
  ctx.setLineDash([5 * px, 3 * px]);
  for (const off of [-4 * px, 4 * px]) {
    ctx.beginPath();
    ctx.moveTo(at.x + t.x * off - n.x * half, at.y + t.y * off - n.y * half);
    ctx.lineTo(at.x + t.x * off + n.x * half, at.y + t.y * off + n.y * half);
    ctx.stroke();
  }
  ctx.restore();
}

function paintLinkFaults(ctx: CanvasRenderingContext2D, input: PaintInput, px: number): void {
  const lp = px * input.labelScale;
  const perEdge = new Map<TopologyEdge, Set<string>>();
  for (const f of input.view!.linkFaults) {
    if (f.from === "*" && f.to === "*") continue; // network-wide: named in the legend, not painted on every edge
    for (const e of input.topology.edges) {
      if (!edgeMatches(e, f.from, f.to)) continue;
      let kinds = perEdge.get(e);
      if (!kinds) perEdge.set(e, (kinds = new Set()));
      kinds.add(f.kind);
    }
  }
  for (const [e, kinds] of perEdge) {
    const line = polylineOf(e.points);
    polylineAt(line, 0.5, at);
    let dy = -14 * lp;
    for (const k of kinds) {
      const color = FAULT_COLOR[k] ?? "#495057";
      ctx.save();
      ctx.strokeStyle = color;
      ctx.lineWidth = 5 * px;
      ctx.globalAlpha = 0.35;
      ctx.beginPath();
      e.points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
      ctx.stroke();
      ctx.restore();
      const cutLike = k === "drop" && isCutLike(input, e);
      if (cutLike) cut(ctx, e, px);
      pill(ctx, cutLike ? "cut" : (FAULT_LABEL[k] ?? k), at.x, at.y + dy, color, lp);
      dy -= 18 * lp;
    }
  }
}

/** A link losing every message in both directions is drawn as a cut. */
function isCutLike(input: PaintInput, e: TopologyEdge): boolean {
  const active = input.view!.linkFaults.filter((f) => f.kind === "drop");
  const total = input.faults.filter((f) => f.kind === "drop" && f.probability === 1);
  const both = (list: readonly { from: string; to: string }[]) =>
    list.some((f) => f.from === e.from && f.to === e.to) && list.some((f) => f.from === e.to && f.to === e.from);
  return both(active) && both(total as { from: string; to: string }[]);
}

function paintTokens(ctx: CanvasRenderingContext2D, input: PaintInput, px: number): number {
  const { view, routes, now } = input;
  const radius = 6 * input.tokenScale;
  const r = radius * px;
  const byColor = new Map<string, number[]>();
  const hot = new Set(input.highlight?.msgs ?? []);
  const hotPts: number[] = [];
  const m = view!.inflight;
  const ids = view!.nodes.map((n) => n.id);
  const colors = m.types.map(messageColor);
  for (let k = 0; k < m.count; k++) {
    const line = routes.between(ids[m.from[k]], ids[m.to[k]]);
    if (!line) continue;
    const span = m.deliverAt[k] - m.sentAt[k];
    polylineAt(line, span > 0 ? (now - m.sentAt[k]) / span : 1, at);
    const color = colors[m.type[k]];
    let list = byColor.get(color);
    if (!list) byColor.set(color, (list = []));
    list.push(at.x, at.y);
    if (hot.size > 0 && hot.has(m.ids[k])) hotPts.push(at.x, at.y);
  }
  let drawn = 0;
  // A white rim keeps sparse tokens readable on lines; for crowds it only costs raster time.
  const rim = m.count < 300;
  // Tokens are blitted from a pre-drawn sprite at whole device pixels: far cheaper than filling a thousand arcs.
  const { dpr, camera } = input;
  const k = dpr * camera.zoom;
  const ox = k * camera.scrollX;
  const oy = k * camera.scrollY;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  for (const [color, pts] of byColor) {
    const img = tokenSprite(color, radius * dpr, rim ? 1.5 * dpr : 0);
    const half = img.width / 2;
    for (let i = 0; i < pts.length; i += 2) ctx.drawImage(img, Math.round(pts[i] * k + ox - half), Math.round(pts[i + 1] * k + oy - half));
    drawn += pts.length / 2;
  }
  ctx.restore();
  ctx.strokeStyle = "#e03131";
  ctx.lineWidth = 3 * px;
  for (let i = 0; i < hotPts.length; i += 2) {
    ctx.beginPath();
    ctx.arc(hotPts[i], hotPts[i + 1], r + 4 * px, 0, Math.PI * 2);
    ctx.stroke();
  }
  return drawn;
}

const sprites = new Map<string, HTMLCanvasElement>();

/** A token of one colour (and rim) at one device-pixel size, drawn once. */
function tokenSprite(color: string, radius: number, rim: number): HTMLCanvasElement {
  const key = `${color}|${radius}|${rim}`;
  let img = sprites.get(key);
  if (img) return img;
  img = document.createElement("canvas");
  const size = 2 * Math.ceil(radius + rim + 1);
  img.width = img.height = size;
  const g = img.getContext("2d")!;
  g.beginPath();
  g.arc(size / 2, size / 2, radius, 0, Math.PI * 2);
  g.fillStyle = color;
  g.fill();
  if (rim > 0) {
    g.lineWidth = rim;
    g.strokeStyle = "#ffffff";
    g.stroke();
  }
  sprites.set(key, img);
  return img;
}

function paintBadges(ctx: CanvasRenderingContext2D, input: PaintInput, px: number): void {
  const lp = px * input.labelScale;
  const boxes = new Map(input.topology.nodes.map((n) => [n.id, n.box]));
  for (const n of input.view!.nodes) {
    const b = boxes.get(n.id);
    if (!b || n.waiting <= 0) continue;
    const text = n.waiting > 999 ? "999+" : String(n.waiting);
    const color = n.queueLimit !== null && n.waiting >= n.queueLimit ? "#c92a2a" : "#343a40";
    pill(ctx, text, b.x + b.width, b.y, color, lp);
  }
}

function pill(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: string, px: number): void {
  ctx.font = `600 ${12 * px}px system-ui, sans-serif`;
  const w = ctx.measureText(text).width + 10 * px;
  const h = 17 * px;
  ctx.fillStyle = color;
  roundRect(ctx, x - w / 2, y - h / 2, w, h, h / 2);
  ctx.fill();
  ctx.fillStyle = "#ffffff";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(text, x, y + 0.5 * px);
}

function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, color: string, px: number): void {
  pill(ctx, text, x, y, color, px);
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, Math.min(r, w / 2, h / 2));
}
