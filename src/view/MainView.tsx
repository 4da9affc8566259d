import { useCallback, useRef } from "react";
import { useAppState, useController } from "../app/useStore.ts";
import type { ViewTab } from "../app/state.ts";
import { ErrorBoundary } from "../ui/ErrorBoundary.tsx";
import { DiagramPane } from "./DiagramPane.tsx";
import { InvariantChips } from "./InvariantChips.tsx";
import { Legend } from "./Legend.tsx";
import { TargetMenu } from "./TargetMenu.tsx";
import { useLoaded } from "./useLoaded.ts";

const loadGraph = () => import("./GraphView.tsx");

const TABS: { id: ViewTab; label: string; hint: string }[] = [
  { id: "diagram", label: "Diagram", hint: "Your drawing, with messages moving along its arrows" },
  { id: "graph", label: "Graph", hint: "The same topology as a clean graph" },
];

/** The main area: the drawing or the graph, with the click menu on top. */
export function MainView() {
  const c = useController();
  const tab = useAppState((s) => s.viewTab);
  const busy = useAppState((s) => s.busy);
  const count = useRef<HTMLSpanElement>(null);
  const GraphView = useLoaded(loadGraph, tab === "graph");
  // Written straight to the DOM: the count changes every frame during playback.
  const onTokens = useCallback((n: number) => {
    const el = count.current;
    if (el && el.dataset.count !== String(n)) {
      el.dataset.count = String(n);
      el.textContent = `${n} in flight`;
    }
  }, []);
  return (
    <main className="main-view">
      <div className="view-tabs" role="tablist" aria-label="View">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            title={t.hint}
            data-testid={`view-tab-${t.id}`}
            onClick={() => c.store.set({ viewTab: t.id, menu: null })}
          >
            {t.label}
          </button>
        ))}
        <ErrorBoundary name="The legend">
          <Legend countRef={count} showCount={tab === "diagram"} />
        </ErrorBoundary>
        {busy && (
          <span className="busy" role="status" data-testid="busy">
            Running the simulation…
          </span>
        )}
      </div>
      <div className="view-area">
        {tab === "diagram" ? (
          <ErrorBoundary name="The diagram" key="diagram">
            <DiagramPane onTokens={onTokens} />
          </ErrorBoundary>
        ) : (
          <ErrorBoundary name="The graph view" key="graph">
            {GraphView ? <GraphView /> : <div className="placeholder">Loading the graph…</div>}
          </ErrorBoundary>
        )}
        <ErrorBoundary name="The node menu">
          <TargetMenu />
        </ErrorBoundary>
        <ErrorBoundary name="The invariant summary">
          <InvariantChips />
        </ErrorBoundary>
      </div>
    </main>
  );
}
