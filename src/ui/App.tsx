import { useCallback } from "react";
import { openDiagramFile } from "../app/openFile.ts";
import { useAppState, useController } from "../app/useStore.ts";
import { MainView } from "../view/MainView.tsx";
import { Banners } from "./Banners.tsx";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { FirstVisitHint } from "./FirstVisitHint.tsx";
import { KeysHelp } from "./KeysHelp.tsx";
import { Notice } from "./Notice.tsx";
import { PlaybackBar } from "./PlaybackBar.tsx";
import { Sidebar } from "./Sidebar.tsx";
import { TopBar } from "./TopBar.tsx";
import { useFileDrop } from "./useFileDrop.ts";

/** Top bar, the drawing, the sidebar, the playback bar; each behind its own error boundary. */
export function App() {
  const c = useController();
  const onFile = useCallback((f: File) => void openDiagramFile(c, f), [c]);
  const dropping = useFileDrop(onFile);
  const presenting = useAppState((s) => s.presenting);
  const sidebar = useAppState((s) => s.sidebarOpen);
  return (
    <div className={`app${presenting ? " presenting" : ""}${sidebar ? "" : " no-sidebar"}`} data-testid="app">
      <ErrorBoundary name="The top bar">
        <TopBar />
      </ErrorBoundary>
      <ErrorBoundary name="The messages">
        <Banners />
      </ErrorBoundary>
      <div className="middle">
        <ErrorBoundary name="The main view">
          <MainView />
        </ErrorBoundary>
        {sidebar && (
          <ErrorBoundary name="The sidebar">
            <Sidebar />
          </ErrorBoundary>
        )}
      </div>
      <ErrorBoundary name="The playback bar">
        <PlaybackBar />
      </ErrorBoundary>
      <FirstVisitHint />
      <KeysHelp />
      <Notice />
      {dropping && (
        <div className="drop-hint" aria-live="polite">
          Drop an .excalidraw file or an Obsidian Excalidraw note to run it
        </div>
      )}
    </div>
  );
}
