import { useState } from "react";
import { checkEntry, deleteFault, replaceFault } from "../app/actions.ts";
import { useAppState, useController } from "../app/useStore.ts";
import { describeFault } from "../faults/describe.ts";
import { FaultEditor } from "./FaultEditor.tsx";

/** The fault schedule as an editable list: each entry's JSON can be edited inline or deleted. */
export function FaultsTab() {
  const c = useController();
  const faults = useAppState((s) => s.faults);
  const [editing, setEditing] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <div className="faults">
      <p className="muted small">
        Click a node or an arrow on the diagram to add a fault at the current moment. Changing the schedule re-runs from the seed: the same
        run up to the change, a different one after.
      </p>
      {faults.length === 0 && <p className="muted">No faults: the network and the servers behave.</p>}
      <ol className="fault-list" data-testid="fault-list">
        {faults.map((f, i) => (
          <li key={i} data-testid="fault-entry">
            {editing === i ? (
              <FaultEditor
                initial={JSON.stringify(f, null, 1)}
                check={(v) => checkEntry(c, v, i)}
                onSave={(entry) => {
                  replaceFault(c, i, entry);
                  setEditing(null);
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <div className="fault-row">
                <span className={`fault-kind k-${f.kind}`}>{f.kind}</span>
                <span className="fault-text">{describeFault(f)}</span>
                {f.note && <em className="muted"> {f.note}</em>}
                <button type="button" onClick={() => setEditing(i)} title="Edit this entry's JSON" aria-label={`Edit fault ${i + 1}`} data-testid="edit-fault">
                  Edit
                </button>
                <button type="button" onClick={() => deleteFault(c, i)} title="Delete this entry" aria-label={`Delete fault ${i + 1}`} data-testid="delete-fault">
                  Delete
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {adding ? (
        <FaultEditor
          initial={JSON.stringify({ kind: "crash", node: c.state.scenario?.compiled.topology.nodes[0]?.id ?? "", at: Math.round(c.state.clock), until: Math.round(c.state.clock) + 500 }, null, 1)}
          check={(v) => checkEntry(c, v, faults.length)}
          onSave={(entry) => {
            c.setFaults([...faults, entry]);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <div className="row">
          <button type="button" onClick={() => setAdding(true)} data-testid="add-fault" title="Add an entry by writing its JSON">
            Add entry…
          </button>
          <button type="button" disabled={faults.length === 0} onClick={() => c.setFaults([])} title="Remove every fault" data-testid="clear-faults">
            Clear all
          </button>
        </div>
      )}
    </div>
  );
}
