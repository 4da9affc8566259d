import { useCallback } from "react";
import { openDiagramFile } from "../app/openFile.ts";
import { useController } from "../app/useStore.ts";
import { MainView } from "../view/MainView.tsx";
import { Banners } from "./Banners.tsx";
import { PlaybackBar } from "./PlaybackBar.tsx";
import { Sidebar } from "./Sidebar.tsx";
import { TopBar } from "./TopBar.tsx";
import { useFileDrop } from "./useFileDrop.ts";

/** Top bar, the drawing, the sidebar, the playback bar. */
export function App() {
  const c = useController();
  const onFile = useCallback((f: File) => void openDiagramFile(c, f), [c]);
  const dropping = useFileDrop(onFile);
  return (
    <div className="app">
      <TopBar />
      <Banners />
      <div className="middle">
        <MainView />
        <Sidebar />
      </div>
      <PlaybackBar />
      {dropping && (
        <div className="drop-hint" aria-live="polite">
          Drop an .excalidraw file or an Obsidian Excalidraw note to run it
        </div>
      )}
    </div>
  );
}
