import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { Topology } from "../../sim/api.ts";

type SceneElement = ReturnType<ExcalidrawImperativeAPI["getSceneElements"]>[number];

function bounds(e: SceneElement): { x: number; y: number; w: number; h: number } {
  const pts = (e as { points?: readonly (readonly [number, number])[] }).points;
  if (pts && pts.length > 0) {
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const x = e.x + Math.min(...xs);
    const y = e.y + Math.min(...ys);
    return { x, y, w: e.x + Math.max(...xs) - x, h: e.y + Math.max(...ys) - y };
  }
  return { x: e.x, y: e.y, w: e.width, h: e.height };
}

/** The drawing's elements that belong to one design: its nodes and arrows, and whatever sits inside its box. */
export function designElements(all: readonly SceneElement[], topology: Topology): SceneElement[] {
  const ids = new Set<string>();
  for (const n of topology.nodes) for (const id of n.elementIds) ids.add(id);
  for (const e of topology.edges) if (e.elementId) ids.add(e.elementId);
  const b = topology.box;
  const pad = 20;
  return all.filter((e) => {
    if (ids.has(e.id)) return true;
    const r = bounds(e);
    const cx = r.x + r.w / 2;
    const cy = r.y + r.h / 2;
    return cx >= b.x - pad && cy >= b.y - pad && cx <= b.x + b.width + pad && cy <= b.y + b.height + pad;
  });
}

/** Zooms and scrolls Excalidraw so the design fills the view. */
export function fitDesign(api: ExcalidrawImperativeAPI, topology: Topology): boolean {
  const all = api.getSceneElements();
  if (all.length === 0) return false;
  const mine = designElements(all, topology);
  api.scrollToContent(mine.length > 0 ? mine : all, { fitToViewport: true, viewportZoomFactor: 0.9, animate: false });
  return true;
}
