import { useEffect } from "react";
import { useAppState, useController } from "../app/useStore.ts";

const SHOWN_MS = 5000;

/** A passing message ("no later delivery", "link copied") floating above the timeline; it fades by itself. */
export function Notice() {
  const c = useController();
  const notice = useAppState((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => {
      if (c.state.notice === notice) c.store.set({ notice: null });
    }, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [c, notice]);
  if (!notice) return null;
  return (
    <div className="toast" role="status" data-testid="notice">
      <span>{notice}</span>
      <button type="button" onClick={() => c.store.set({ notice: null })} aria-label="Dismiss" title="Dismiss">
        ✕
      </button>
    </div>
  );
}
