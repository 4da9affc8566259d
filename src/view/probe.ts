import type { Topology } from "../../sim/api.ts";
import { cameraToScreen, type Camera } from "../overlay/camera.ts";
import { polylineAt, polylineOf } from "../overlay/polyline.ts";
import { boxCenter } from "../overlay/routes.ts";

/** Where things on the drawing are on screen (page coordinates): for tests and scripted demos. */
export interface DiagramProbe {
  nodeCenter(id: string): { x: number; y: number } | null;
  edgeMidpoint(id: string): { x: number; y: number } | null;
}

export function makeProbe(el: () => HTMLElement | null, camera: () => Camera | null, topology: () => Topology | null): DiagramProbe {
  const toPage = (p: { x: number; y: number }) => {
    const e = el();
    const c = camera();
    if (!e || !c) return null;
    const r = e.getBoundingClientRect();
    const s = cameraToScreen(c, p);
    return { x: r.left + s.x, y: r.top + s.y };
  };
  return {
    nodeCenter(id) {
      const n = topology()?.nodes.find((x) => x.id === id);
      return n ? toPage(boxCenter(n.box)) : null;
    },
    edgeMidpoint(id) {
      const e = topology()?.edges.find((x) => x.id === id);
      if (!e) return null;
      const at = { x: 0, y: 0 };
      polylineAt(polylineOf(e.points), 0.5, at);
      return toPage(at);
    },
  };
}
