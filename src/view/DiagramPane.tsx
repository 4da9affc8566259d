import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useCallback, useEffect, useRef, useState } from "react";
import { closeMenu, openMenu } from "../app/actions.ts";
import { useAppState, useController } from "../app/useStore.ts";
import { cameraToScene } from "../overlay/camera.ts";
import { hitTest } from "../overlay/hitTest.ts";
import { sourceKey } from "../scenario/source.ts";
import { fitDesign } from "./fit.ts";
import { makeProbe } from "./probe.ts";
import { useLoaded } from "./useLoaded.ts";
import { NodeStates } from "./NodeStates.tsx";
import { Icon } from "../ui/Icon.tsx";
import { cameraOf, OverlayCanvas } from "./OverlayCanvas.tsx";

const loadScene = () => import("./ExcalidrawScene.tsx");

const CLICK_SLOP_PX = 5;

/** The drawing with the live overlay; a click on a node or an arrow opens its fault menu. */
export function DiagramPane(props: { onTokens: (n: number) => void }) {
  const c = useController();
  const scenario = useAppState((s) => s.scenario);
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const down = useRef<{ x: number; y: number } | null>(null);
  const key = scenario ? sourceKey(scenario.source) : "none";
  const ExcalidrawScene = useLoaded(loadScene);

  useEffect(() => setApi(null), [key]);

  useEffect(() => {
    const probe = makeProbe(() => wrap.current, () => (api ? cameraOf(api) : null), () => c.state.scenario?.compiled.topology ?? null);
    (window as unknown as { msgsimProbe: typeof probe }).msgsimProbe = probe;
  }, [api, c]);

  // Fit the chosen design once Excalidraw has the scene. After that the
  // camera is the user's: only the Fit button moves it (not a resize, not play).
  useEffect(() => {
    if (!api || !scenario) return;
    let tries = 0;
    let raf = requestAnimationFrame(function again() {
      if (!fitDesign(api, scenario.compiled.topology) && tries++ < 120) raf = requestAnimationFrame(again);
    });
    return () => cancelAnimationFrame(raf);
  }, [api, scenario]);

  const fit = useCallback(() => {
    if (api && scenario) fitDesign(api, scenario.compiled.topology);
  }, [api, scenario]);


  const onDown = (e: React.PointerEvent) => {
    down.current = { x: e.clientX, y: e.clientY };
  };
  const onUp = (e: React.PointerEvent) => {
    const d = down.current;
    down.current = null;
    if (!d || !scenario || !api || !wrap.current) return;
    if (Math.hypot(e.clientX - d.x, e.clientY - d.y) > CLICK_SLOP_PX) return;
    if (!(e.target instanceof HTMLCanvasElement)) return;
    const r = wrap.current.getBoundingClientRect();
    const local = { x: e.clientX - r.left, y: e.clientY - r.top };
    const cam = cameraOf(api);
    const target = hitTest(scenario.compiled.topology, cameraToScene(cam, local), 10 / cam.zoom);
    if (target) openMenu(c, local.x, local.y, target);
    else closeMenu(c);
  };

  return (
    <div className="diagram" ref={wrap} onPointerDownCapture={onDown} onPointerUpCapture={onUp} data-testid="diagram">
      {scenario && (ExcalidrawScene ? <ExcalidrawScene key={key} scene={scenario.scene} onApi={setApi} /> : <div className="placeholder">Loading the drawing…</div>)}
      <OverlayCanvas api={api} onTokens={props.onTokens} />
      <NodeStates />
      <button type="button" className="fit" onClick={fit} title="Fit the design into view" aria-label="Fit the design into view" data-testid="fit-view">
        <Icon name="fit" /> Fit
      </button>
    </div>
  );
}
