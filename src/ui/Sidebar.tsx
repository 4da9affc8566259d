import type { SideTab } from "../app/state.ts";
import { setSideTab } from "../app/actions.ts";
import { useAppState, useController } from "../app/useStore.ts";
import { AboutTab } from "../sidebar/AboutTab.tsx";
import { EventsTab } from "../sidebar/EventsTab.tsx";
import { FaultsTab } from "../sidebar/FaultsTab.tsx";
import { InspectorTab } from "../sidebar/InspectorTab.tsx";
import { InvariantsTab } from "../sidebar/InvariantsTab.tsx";
import { MetricsTab } from "../sidebar/MetricsTab.tsx";
import { ErrorBoundary } from "./ErrorBoundary.tsx";

const TABS: { id: SideTab; label: string; panel: () => React.ReactNode }[] = [
  { id: "about", label: "About", panel: () => <AboutTab /> },
  { id: "invariants", label: "Invariants", panel: () => <InvariantsTab /> },
  { id: "inspector", label: "Inspector", panel: () => <InspectorTab /> },
  { id: "faults", label: "Faults", panel: () => <FaultsTab /> },
  { id: "metrics", label: "Metrics", panel: () => <MetricsTab /> },
  { id: "events", label: "Events", panel: () => <EventsTab /> },
];

export function Sidebar() {
  const c = useController();
  const tab = useAppState((s) => s.sideTab);
  const faults = useAppState((s) => s.faults.length);
  const broken = useAppState((s) => s.run?.result.invariants.some((i) => i.violations.some((v) => v.event <= s.cursor)) ?? false);
  const scenario = useAppState((s) => s.scenario);
  const current = TABS.find((t) => t.id === tab) ?? TABS[1];
  return (
    <aside className="sidebar" data-testid="sidebar">
      <div className="side-tabs" role="tablist" aria-label="Details">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} aria-controls={`panel-${t.id}`} data-testid={`tab-${t.id}`} onClick={() => setSideTab(c, t.id)}>
            {t.label}
            {t.id === "faults" && faults > 0 ? ` (${faults})` : ""}
            {t.id === "invariants" && broken ? <span className="tab-alert" aria-label="(an invariant is broken)" /> : null}
          </button>
        ))}
      </div>
      <div className="side-panel" role="tabpanel" id={`panel-${current.id}`} key={current.id}>
        <ErrorBoundary name={`The ${current.label} tab`} resetKey={`${current.id}|${scenario?.compiled.name ?? ""}`}>
          {current.panel()}
        </ErrorBoundary>
      </div>
    </aside>
  );
}
