import { useEffect, useRef } from "react";
import type { TraceEvent } from "../../sim/api.ts";
import { useAppState } from "../app/useStore.ts";

function who(e: TraceEvent): string {
  if (e.from || e.to) return `${e.from ?? "?"} → ${e.to ?? "?"}`;
  return "";
}

/** The latest trace events up to the moment shown, newest last. */
export function EventsTab() {
  const recent = useAppState((s) => s.view?.recent);
  const end = useRef<HTMLDivElement>(null);
  // Keep the newest row in view. The effect returns nothing: scrollIntoView's
  // result (a Promise in current Chromium) must not become React's cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [recent]);
  if (!recent) return <p className="muted">No run yet.</p>;
  return (
    <div className="events" data-testid="events">
      <table data-testid="events-table">
        <thead>
          <tr>
            <th>#</th>
            <th>t (ms)</th>
            <th>type</th>
            <th>node</th>
            <th>from → to</th>
            <th>msg</th>
            <th>name</th>
          </tr>
        </thead>
        <tbody>
          {recent.map((e) => (
            <tr key={e.i} className={`ev-${e.type}`}>
              <td>{e.i}</td>
              <td>{e.t.toFixed(2)}</td>
              <td>{e.type}</td>
              <td>{e.node ?? ""}</td>
              <td>{who(e)}</td>
              <td>{e.mtype ?? ""}</td>
              <td>{e.name ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div ref={end} />
    </div>
  );
}
