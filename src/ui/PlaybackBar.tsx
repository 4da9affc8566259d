import { STEP_UNITS, stepBy } from "../app/stepping.ts";
import { SPEEDS } from "../app/state.ts";
import { toggleBigTokens } from "../app/presenting.ts";
import { useAppState, useController } from "../app/useStore.ts";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { formatMs, formatSpeed } from "./format.ts";
import { Icon } from "./Icon.tsx";
import { Timeline } from "./Timeline.tsx";

/** Play/pause, step by a chosen unit, speed, the clock and the timeline. */
export function PlaybackBar() {
  const c = useController();
  const playing = useAppState((s) => s.playing);
  const speed = useAppState((s) => s.speed);
  const unit = useAppState((s) => s.stepUnit);
  const clock = useAppState((s) => s.clock);
  const index = useAppState((s) => s.cursor);
  const run = useAppState((s) => s.run);
  const busy = useAppState((s) => s.run?.busy ?? null);
  const big = useAppState((s) => s.bigTokens);
  const phase = useAppState((s) => s.view?.phase ?? "");
  const disabled = !run;
  const u = STEP_UNITS.find((x) => x.unit === unit)!;
  const busyWall = busy ? Math.round((busy.toMs - busy.fromMs) / speed) : null;
  return (
    <footer className="playback">
      <div className="controls">
        <button type="button" disabled={disabled} onClick={() => void stepBy(c, unit, -1)} title={`Previous ${u.label} (← or Shift+${u.key.toUpperCase()})`} aria-label={`Previous ${u.label}`} data-testid="step-back">
          <Icon name="stepBack" />
        </button>
        <button
          type="button"
          className="play"
          disabled={disabled}
          onClick={() => c.toggle()}
          title={playing ? "Pause (space)" : "Play (space)"}
          aria-label={playing ? "Pause" : "Play"}
          data-testid="play-toggle"
          data-playing={playing}
        >
          <Icon name={playing ? "pause" : "play"} />
        </button>
        <button type="button" disabled={disabled} onClick={() => void stepBy(c, unit, 1)} title={`Next ${u.label} (→ or ${u.key})`} aria-label={`Next ${u.label}`} data-testid="step-forward">
          <Icon name="stepForward" />
        </button>
        <div className="step-units" role="radiogroup" aria-label="Step by">
          <span className="muted">by</span>
          {STEP_UNITS.map((x) => (
            <button
              key={x.unit}
              type="button"
              role="radio"
              aria-checked={x.unit === unit}
              disabled={disabled}
              title={`Step by ${x.label}: ${x.hint} (${x.key} next, Shift+${x.key.toUpperCase()} previous)`}
              data-testid={`step-unit-${x.unit}`}
              onClick={() => c.store.set({ stepUnit: x.unit })}
            >
              {x.label}
            </button>
          ))}
        </div>
        <label className="field inline speed" title={busyWall !== null ? `At this speed the busy part of the run (${formatMs(busy!.fromMs)} to ${formatMs(busy!.toMs)}) plays in about ${busyWall} s` : undefined}>
          <span>Speed</span>
          <select
            value={speed}
            onChange={(e) => {
              e.currentTarget.blur();
              c.setSpeed(Number(e.target.value));
            }}
            aria-label="Playback speed, in simulated milliseconds per second"
            data-testid="speed-select"
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {formatSpeed(s)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-pressed={big} onClick={() => toggleBigTokens(c)} title="Larger message tokens (b)" data-testid="big-tokens">
          Big tokens
        </button>
        <div className="clock" aria-live="off">
          <span title="Virtual time shown (the URL's at=, in ms)">
            at <b data-testid="virtual-time">{formatMs(clock)}</b>
          </span>
          <span title="Index of the last trace event applied (the URL's t=)">
            t = event <b data-testid="event-index">{index}</b> / {run ? run.total - 1 : "–"}
          </span>
          {phase && (
            <span className={`phase phase-${phase}`} title="Run phase: faults during safety, none during heal" data-testid="phase">
              {phase}
            </span>
          )}
        </div>
      </div>
      <ErrorBoundary name="The timeline">
        <Timeline />
      </ErrorBoundary>
    </footer>
  );
}
