import type { SideTab } from "../app/state.ts";
import { setSideTab } from "../app/actions.ts";
import { useAppState, useController } from "../app/useStore.ts";
import { EventsTab } from "../sidebar/EventsTab.tsx";
import { FaultsTab } from "../sidebar/FaultsTab.tsx";
import { InspectorTab } from "../sidebar/InspectorTab.tsx";
import { InvariantsTab } from "../sidebar/InvariantsTab.tsx";
import { MetricsTab } from "../sidebar/MetricsTab.tsx";

const TABS: { id: SideTab; label: string }[] = [
  { id: "invariants", label: "Invariants" },
  { id: "inspector", label: "Inspector" },
  { id: "faults", label: "Faults" },
  { id: "metrics", label: "Metrics" },
  { id: "events", label: "Events" },
];

export function Sidebar() {
  const c = useController();
  const tab = useAppState((s) => s.sideTab);
  const faults = useAppState((s) => s.faults.length);
  return (
    <aside className="sidebar">
      <div className="side-tabs" role="tablist" aria-label="Details">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} aria-controls={`panel-${t.id}`} data-testid={`tab-${t.id}`} onClick={() => setSideTab(c, t.id)}>
            {t.label}
            {t.id === "faults" && faults > 0 ? ` (${faults})` : ""}
          </button>
        ))}
      </div>
      <div className="side-panel" role="tabpanel" id={`panel-${tab}`}>
        {tab === "invariants" && <InvariantsTab />}
        {tab === "inspector" && <InspectorTab />}
        {tab === "faults" && <FaultsTab />}
        {tab === "metrics" && <MetricsTab />}
        {tab === "events" && <EventsTab />}
      </div>
    </aside>
  );
}
