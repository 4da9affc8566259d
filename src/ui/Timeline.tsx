import { useRef } from "react";
import type { MarkerKind } from "../../sim/api.ts";
import { useAppState, useController } from "../app/useStore.ts";
import { formatMs } from "./format.ts";
import { timeTicks } from "./timeScale.ts";

const MAX_MARKERS = 400;

const LEGEND: { kind: MarkerKind; label: string; hint: string }[] = [
  { kind: "fault", label: "fault", hint: "a fault takes effect (crash, pause, partition, loss...)" },
  { kind: "heal", label: "heal", hint: "a heal entry, a link fault lifted, a paused node resumed" },
  { kind: "restart", label: "restart", hint: "a node restarts (its crash ended, a restart entry, the heal phase)" },
  { kind: "phase", label: "phase", hint: "the heal phase starts (faults stop), the run ends" },
  { kind: "violation", label: "violation", hint: "an invariant breaks" },
];

/**
 * The run laid out in virtual time: click or drag anywhere to go there.
 * Marks for faults, heals, restarts, phases and violations; the shaded band
 * is where most messages are delivered.
 */
export function Timeline() {
  const c = useController();
  const run = useAppState((s) => s.run);
  const clock = useAppState((s) => s.clock);
  const index = useAppState((s) => s.cursor);
  const bar = useRef<HTMLDivElement>(null);
  const dragging = useRef<number | null>(null);
  const end = run?.result.endMs ?? 0;

  const seekAt = (clientX: number) => {
    const el = bar.current;
    if (!el || !run) return;
    const r = el.getBoundingClientRect();
    const f = Math.max(0, Math.min(1, (clientX - r.left) / r.width));
    c.seekTime(f * end);
  };
  const stop = (e: React.PointerEvent<HTMLDivElement>) => {
    if (dragging.current !== e.pointerId) return;
    dragging.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const pct = (ms: number) => `${end > 0 ? (Math.max(0, Math.min(end, ms)) / end) * 100 : 0}%`;
  const markers = run?.markers ?? [];
  const shown = markers.length > MAX_MARKERS ? markers.filter((m, i) => m.kind === "violation" || i % Math.ceil(markers.length / MAX_MARKERS) === 0) : markers;
  const busy = run?.busy;

  return (
    <div className="timeline-wrap">
      <div
        ref={bar}
        className="timeline"
        role="slider"
        tabIndex={0}
        draggable={false}
        aria-label="Timeline (virtual time)"
        aria-valuemin={0}
        aria-valuemax={end}
        aria-valuenow={Math.round(clock)}
        aria-valuetext={`${formatMs(clock)}, event ${index}`}
        data-testid="timeline"
        data-total-events={run?.total ?? 0}
        onDragStart={(e) => e.preventDefault()}
        onPointerDown={(e) => {
          if (!run || e.button !== 0) return;
          e.preventDefault();
          dragging.current = e.pointerId;
          e.currentTarget.setPointerCapture(e.pointerId);
          seekAt(e.clientX);
        }}
        onPointerMove={(e) => {
          if (dragging.current === e.pointerId) seekAt(e.clientX);
        }}
        onPointerUp={stop}
        onPointerCancel={stop}
        onLostPointerCapture={() => (dragging.current = null)}
      >
        {busy && <div className="timeline-busy" style={{ left: pct(busy.fromMs), width: `calc(${pct(busy.toMs)} - ${pct(busy.fromMs)})` }} title="Where most messages are delivered" />}
        <div className="timeline-fill" style={{ width: pct(clock) }} />
        {shown.map((m, i) => (
          <div key={i} className={`marker marker-${m.kind}`} style={{ left: pct(m.t) }} title={`${m.label} (${formatMs(m.t)}, event ${m.event})`} data-testid={`marker-${m.kind}`} />
        ))}
        <div className="playhead" style={{ left: pct(clock) }} />
      </div>
      <div className="timeline-axis" aria-hidden="true">
        {timeTicks(end).map((t) => (
          <span key={t.ms} className="tick" style={{ left: pct(t.ms) }}>
            {t.label}
          </span>
        ))}
      </div>
      <div className="timeline-legend" aria-label="Timeline marks">
        {LEGEND.map((l) => (
          <span key={l.kind} className="legend-item" title={l.hint}>
            <span className={`mark-swatch marker-${l.kind}`} />
            {l.label}
          </span>
        ))}
        {busy && (
          <span className="legend-item" title="The shortest span holding 80% of the run's deliveries">
            <span className="mark-swatch busy-swatch" />
            busy
          </span>
        )}
      </div>
    </div>
  );
}
