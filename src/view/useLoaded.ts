import { useEffect, useState, type ComponentType } from "react";

/**
 * A component from a lazily loaded module, or null until it has loaded.
 * Used instead of React.lazy + Suspense: a Suspense retry renders in a
 * time-sliced lane that the playback's per-frame store updates keep
 * interrupting, so a heavy view (React Flow, Excalidraw) opened during
 * playback never appeared. A state update from the loaded promise renders
 * in one go.
 */
export function useLoaded<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, wanted = true): ComponentType<P> | null {
  const [loaded, setLoaded] = useState<{ C: ComponentType<P> } | null>(null);
  useEffect(() => {
    if (!wanted || loaded) return;
    let live = true;
    load().then(
      (m) => live && setLoaded({ C: m.default }),
      (err: unknown) => live && setLoaded({ C: () => { throw err; } }),
    );
    return () => {
      live = false;
    };
  }, [load, wanted, loaded]);
  return loaded?.C ?? null;
}
