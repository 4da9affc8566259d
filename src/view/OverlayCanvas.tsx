import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useEffect, useRef } from "react";
import { useController } from "../app/useStore.ts";
import { cameraEquals, IDENTITY_CAMERA, type Camera } from "../overlay/camera.ts";
import { paint } from "../overlay/painter.ts";
import { Routes } from "../overlay/routes.ts";

/** Reads Excalidraw's current scroll and zoom. */
export function cameraOf(api: ExcalidrawImperativeAPI | null): Camera {
  if (!api) return IDENTITY_CAMERA;
  const s = api.getAppState();
  return { scrollX: s.scrollX, scrollY: s.scrollY, zoom: s.zoom.value };
}

/**
 * ONE canvas over the drawing, aligned with Excalidraw's scroll and zoom:
 * node states, cuts, link faults, queue badges and every message token.
 * Repaints on animation frames when the state or the camera changed.
 */
export function OverlayCanvas(props: { api: ExcalidrawImperativeAPI | null; onTokens: (n: number) => void }) {
  const c = useController();
  const ref = useRef<HTMLCanvasElement>(null);
  const apiRef = useRef(props.api);
  apiRef.current = props.api;
  const onTokens = useRef(props.onTokens);
  onTokens.current = props.onTokens;

  useEffect(() => {
    const canvas = ref.current!;
    const ctx = canvas.getContext("2d")!;
    let dirty = true;
    let camera = IDENTITY_CAMERA;
    let size = { w: 0, h: 0, dpr: 1 };
    let routes: Routes | null = null;
    let topology = c.state.scenario?.compiled.topology;
    let idle = new Set<string>();
    const unsubscribe = c.store.subscribe(() => (dirty = true));
    // Reading clientWidth every frame forces a layout; a ResizeObserver reports size changes instead.
    let box = { w: canvas.clientWidth, h: canvas.clientHeight };
    const resize = new ResizeObserver(() => (box = { w: canvas.clientWidth, h: canvas.clientHeight }));
    resize.observe(canvas);
    let raf = requestAnimationFrame(function loop() {
      raf = requestAnimationFrame(loop);
      const s = c.state;
      const cam = cameraOf(apiRef.current);
      const { w, h } = box;
      const dpr = window.devicePixelRatio || 1;
      if (w !== size.w || h !== size.h || dpr !== size.dpr) {
        size = { w, h, dpr };
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
        dirty = true;
      }
      if (!dirty && cameraEquals(cam, camera)) return;
      dirty = false;
      camera = cam;
      const topo = s.scenario?.compiled.topology;
      if (!topo || !apiRef.current) {
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        return;
      }
      if (topo !== topology || !routes) {
        topology = topo;
        routes = new Routes(topo);
        idle = new Set(s.scenario?.guide.idle ?? []);
      }
      const drawn = paint(ctx, {
        camera: cam,
        width: w,
        height: h,
        dpr,
        topology: topo,
        routes,
        view: s.view,
        now: s.clock,
        selected: s.selected,
        faults: s.faults,
        highlight: s.highlight,
        idle,
        tokenScale: s.bigTokens ? 1.8 : 1,
        labelScale: s.presenting || s.bigTokens ? 1.35 : 1,
      });
      onTokens.current(drawn);
    });
    return () => {
      cancelAnimationFrame(raf);
      resize.disconnect();
      unsubscribe();
    };
  }, [c]);

  return <canvas ref={ref} className="overlay" data-testid="overlay" aria-hidden="true" />;
}
