import { setSideTab } from "../app/actions.ts";
import { useAppState, useController } from "../app/useStore.ts";

/**
 * The promised invariants as small chips over the view, green or red at the
 * moment shown: what a class watches while the sidebar is collapsed.
 */
export function InvariantChips() {
  const c = useController();
  const sidebar = useAppState((s) => s.sidebarOpen);
  const key = useAppState((s) =>
    (s.run?.result.invariants ?? [])
      .map((i) => `${i.name}\t${!i.checked ? "unchecked" : i.violations.some((v) => v.event <= s.cursor) ? "broken" : "ok"}`)
      .join("\n"),
  );
  if (sidebar || !key) return null;
  return (
    <div className="invariant-chips" aria-label="Invariants" data-testid="invariant-chips">
      {key.split("\n").map((line) => {
        const [name, st] = line.split("\t");
        return (
          <button
            key={name}
            type="button"
            className={`chip ${st}`}
            data-status={st}
            title={st === "broken" ? `${name} is broken: open the Invariants tab` : `${name}: ${st === "ok" ? "holds so far" : "not checked"}`}
            onClick={() => {
              c.store.set({ sidebarOpen: true });
              setSideTab(c, "invariants");
            }}
          >
            <span className="status-dot" aria-hidden="true" />
            {name}
          </button>
        );
      })}
    </div>
  );
}
