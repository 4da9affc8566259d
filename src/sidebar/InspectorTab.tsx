import { selectNode } from "../app/actions.ts";
import { useAppState, useController } from "../app/useStore.ts";
import { JsonTree } from "./JsonTree.tsx";

/** One node's state at the moment shown: status, queue, counters, durable and volatile state. */
export function InspectorTab() {
  const c = useController();
  const selected = useAppState((s) => s.selected);
  const nodes = useAppState((s) => s.scenario?.compiled.topology.nodes);
  const view = useAppState((s) => s.view?.nodes.find((n) => n.id === s.selected));
  const ins = useAppState((s) => s.inspection);
  const current = ins && ins.id === selected ? ins : null;
  return (
    <div className="inspector">
      <label className="field">
        <span>Node</span>
        <select value={selected ?? ""} onChange={(e) => selectNode(c, e.target.value || null)} aria-label="Node to inspect" data-testid="inspect-select">
          <option value="">— click a node on the diagram —</option>
          {(nodes ?? []).map((n) => (
            <option key={n.id} value={n.id}>
              {n.id}
              {n.label && n.label !== n.id ? ` (${n.label})` : ""}
            </option>
          ))}
        </select>
      </label>
      {selected && view && (
        <dl className="facts">
          <dt>Status</dt>
          <dd data-testid="inspector-status" className={`status-${view.status}`}>
            {view.status}
            {view.overloaded ? " · overloaded" : ""}
          </dd>
          <dt>Role</dt>
          <dd>{view.role}</dd>
          <dt>Queue</dt>
          <dd>
            {view.waiting} waiting · {view.busy} in service{view.queueLimit !== null ? ` · limit ${view.queueLimit}` : ""}
          </dd>
          {current && (
            <>
              <dt>Handled</dt>
              <dd>{current.handled}</dd>
              <dt>Rejected</dt>
              <dd>{current.rejected}</dd>
              <dt>Incarnation</dt>
              <dd>{current.incarnation}</dd>
            </>
          )}
        </dl>
      )}
      {current && (
        <>
          <h3>Durable state</h3>
          <p className="muted small">Survives a crash (what the node wrote to disk).</p>
          <JsonTree value={current.durable} />
          <h3>Volatile state</h3>
          <p className="muted small">Lost at a crash.</p>
          <JsonTree value={current.volatile} />
        </>
      )}
    </div>
  );
}
