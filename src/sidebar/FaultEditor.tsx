import { useState } from "react";
import type { FaultEntry } from "../../sim/api.ts";

/** Edits one fault entry as JSON; says where and why it is wrong before saving. */
export function FaultEditor(props: {
  initial: string;
  check: (value: unknown) => { entry: FaultEntry } | { error: string };
  onSave: (entry: FaultEntry) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      setError(`not JSON: ${(err as Error).message}`);
      return;
    }
    const r = props.check(value);
    if ("error" in r) setError(r.error);
    else props.onSave(r.entry);
  };
  return (
    <div className="fault-editor">
      <textarea value={text} onChange={(e) => setText(e.target.value)} rows={Math.min(12, text.split("\n").length + 1)} spellCheck={false} aria-label="Fault entry JSON" data-testid="fault-json" />
      {error && (
        <p className="field-error" role="alert" data-testid="fault-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={save} data-testid="save-fault">
          Save
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
