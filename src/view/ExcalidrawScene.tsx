import { Excalidraw } from "@excalidraw/excalidraw";
import "@excalidraw/excalidraw/index.css";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useMemo } from "react";
import type { LoadedScenario } from "../app/state.ts";

const NO_CANVAS_ACTIONS = {
  changeViewBackgroundColor: false,
  clearCanvas: false,
  export: false,
  loadScene: false,
  saveToActiveFile: false,
  toggleTheme: false,
  saveAsImage: false,
} as const;

function backgroundOf(appState: unknown): string {
  const bg = appState && typeof appState === "object" ? (appState as Record<string, unknown>).viewBackgroundColor : undefined;
  return typeof bg === "string" ? bg : "#ffffff";
}

/** The user's drawing, read-only: view mode, zen mode, Excalidraw's own hand-drawn rendering. Loaded lazily. */
export default function ExcalidrawScene(props: { scene: LoadedScenario["scene"]; onApi: (api: ExcalidrawImperativeAPI) => void }) {
  const { scene, onApi } = props;
  const initialData = useMemo(
    () => ({
      elements: scene.elements as never,
      files: (scene.files ?? undefined) as never,
      appState: { viewBackgroundColor: backgroundOf(scene.appState), viewModeEnabled: true, zenModeEnabled: true },
    }),
    [scene],
  );
  return (
    <Excalidraw
      initialData={initialData}
      excalidrawAPI={onApi}
      viewModeEnabled
      zenModeEnabled
      theme="light"
      detectScroll
      handleKeyboardGlobally={false}
      autoFocus={false}
      UIOptions={{ canvasActions: NO_CANVAS_ACTIONS, tools: { image: false } }}
    />
  );
}
