import { useAppState } from "../app/useStore.ts";
import { nodeState } from "../overlay/colors.ts";

/** The node states the canvas paints, as text for screen readers (and tests). */
export function NodeStates() {
  const key = useAppState((s) => (s.view?.nodes ?? []).map((n) => `${n.id}\t${nodeState(n)}\t${n.waiting}`).join("\n"));
  const rows = key ? key.split("\n").map((l) => l.split("\t")) : [];
  return (
    <ul className="sr-only" aria-label="Node states" data-testid="node-states">
      {rows.map(([id, state, waiting]) => (
        <li key={id} data-testid={`node-state-${id}`} data-state={state}>
          {id}: {state}
          {Number(waiting) > 0 ? `, ${waiting} waiting` : ""}
        </li>
      ))}
    </ul>
  );
}
