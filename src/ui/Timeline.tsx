import { useRef } from "react";
import { useAppState, useController } from "../app/useStore.ts";

const MAX_MARKERS = 400;

/** The run's events left to right: click or drag to go anywhere; faults grey/amber, violations red. */
export function Timeline() {
  const c = useController();
  const run = useAppState((s) => s.run);
  const index = useAppState((s) => s.cursor);
  const bar = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const total = run?.total ?? 0;

  const seekAt = (clientX: number) => {
    const r = bar.current!.getBoundingClientRect();
    const f = Math.max(0, Math.min(1, (clientX - r.left) / r.width));
    c.seek(Math.round(f * (total - 1)));
  };
  const pct = (i: number) => `${total > 1 ? (Math.max(0, i) / (total - 1)) * 100 : 0}%`;
  const markers = run?.markers ?? [];
  const shown = markers.length > MAX_MARKERS ? markers.filter((m, i) => m.kind === "violation" || i % Math.ceil(markers.length / MAX_MARKERS) === 0) : markers;

  return (
    <div
      ref={bar}
      className="timeline"
      role="slider"
      tabIndex={0}
      aria-label="Timeline (event index)"
      aria-valuemin={0}
      aria-valuemax={Math.max(0, total - 1)}
      aria-valuenow={Math.max(0, index)}
      data-testid="timeline"
      onPointerDown={(e) => {
        if (!run) return;
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        seekAt(e.clientX);
      }}
      onPointerMove={(e) => dragging.current && seekAt(e.clientX)}
      onPointerUp={(e) => {
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
    >
      <div className="timeline-fill" style={{ width: pct(index) }} />
      {shown.map((m, i) => (
        <div
          key={i}
          className={`marker marker-${m.kind}${m.label.startsWith("crash") || m.label.startsWith("pause") ? " marker-node" : ""}`}
          style={{ left: pct(m.event) }}
          title={`${m.label} (event ${m.event}, ${m.t.toFixed(1)} ms)`}
          data-testid={`marker-${m.kind}`}
        />
      ))}
      <div className="playhead" style={{ left: pct(index) }} />
    </div>
  );
}
