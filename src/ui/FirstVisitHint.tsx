import { useEffect } from "react";
import { useAppState, useController } from "../app/useStore.ts";

const SEEN = "msgsim.hint-seen";

/** Whether this browser has not yet seen the hint (storage may be unavailable: then show it). */
export function firstVisit(): boolean {
  try {
    return localStorage.getItem(SEEN) === null;
  } catch {
    return true;
  }
}

/** "Press play, then click a box to crash it": shown on a first visit, gone after the first action. */
export function FirstVisitHint() {
  const c = useController();
  const shown = useAppState((s) => s.hint);
  useEffect(() => {
    if (!shown) return;
    const done = () => {
      c.store.set({ hint: false });
      try {
        localStorage.setItem(SEEN, "1");
      } catch {
        // Private mode: the hint comes back next visit, nothing worse.
      }
    };
    window.addEventListener("pointerdown", done, true);
    window.addEventListener("keydown", done, true);
    return () => {
      window.removeEventListener("pointerdown", done, true);
      window.removeEventListener("keydown", done, true);
    };
  }, [c, shown]);
  if (!shown) return null;
  return (
    <div className="first-hint" role="note" data-testid="first-hint">
      <b>Press play</b> (or Space), then <b>click a box to crash it</b>. Pick a <i>bug variant</i> at the top to see an invariant break.
    </div>
  );
}
