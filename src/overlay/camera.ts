import type { Point } from "../../sim/api.ts";

/** Excalidraw's viewport: screen = (scene + scroll) * zoom, relative to its canvas. */
export interface Camera {
  readonly scrollX: number;
  readonly scrollY: number;
  readonly zoom: number;
}

export const IDENTITY_CAMERA: Camera = { scrollX: 0, scrollY: 0, zoom: 1 };

export function cameraToScreen(c: Camera, p: Point): Point {
  return { x: (p.x + c.scrollX) * c.zoom, y: (p.y + c.scrollY) * c.zoom };
}

export function cameraToScene(c: Camera, p: Point): Point {
  return { x: p.x / c.zoom - c.scrollX, y: p.y / c.zoom - c.scrollY };
}

export function cameraEquals(a: Camera, b: Camera): boolean {
  return a.scrollX === b.scrollX && a.scrollY === b.scrollY && a.zoom === b.zoom;
}
