/** A readable, collapsible tree of plain data (the inspector's state view). */
export function JsonTree(props: { value: unknown; name?: string; depth?: number }) {
  const { value, name, depth = 0 } = props;
  const label = name !== undefined ? <span className="key">{name}: </span> : null;
  if (value === null || typeof value !== "object") {
    return (
      <div className="leaf">
        {label}
        <span className={`v-${value === null ? "null" : typeof value}`}>{typeof value === "string" ? JSON.stringify(value) : String(value)}</span>
      </div>
    );
  }
  const entries: [string, unknown][] = value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v]) : Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const kind = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
  if (entries.length === 0) {
    return (
      <div className="leaf">
        {label}
        <span className="muted">{Array.isArray(value) ? "[]" : "{}"}</span>
      </div>
    );
  }
  return (
    <details open={depth < 2} className="branch">
      <summary>
        {label}
        <span className="muted">{kind}</span>
      </summary>
      <div className="children">
        {entries.slice(0, 200).map(([k, v]) => (
          <JsonTree key={k} name={k} value={v} depth={depth + 1} />
        ))}
        {entries.length > 200 && <div className="muted">… {entries.length - 200} more</div>}
      </div>
    </details>
  );
}
