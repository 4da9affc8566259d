import { SPEEDS } from "../app/state.ts";
import { useAppState, useController } from "../app/useStore.ts";
import { Icon } from "./Icon.tsx";
import { Timeline } from "./Timeline.tsx";

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(3)} s` : `${ms.toFixed(2)} ms`;
}

/** Play/pause, step, speed, the clock and the timeline. */
export function PlaybackBar() {
  const c = useController();
  const playing = useAppState((s) => s.playing);
  const speed = useAppState((s) => s.speed);
  const clock = useAppState((s) => s.clock);
  const index = useAppState((s) => s.cursor);
  const run = useAppState((s) => s.run);
  const phase = useAppState((s) => s.view?.phase ?? "");
  const disabled = !run;
  return (
    <footer className="playback">
      <div className="controls">
        <button type="button" disabled={disabled} onClick={() => c.step(-1)} title="Step one event back (←)" aria-label="Step one event back" data-testid="step-back">
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
        <button type="button" disabled={disabled} onClick={() => c.step(1)} title="Step one event forward (→)" aria-label="Step one event forward" data-testid="step-forward">
          <Icon name="stepForward" />
        </button>
        <label className="field inline">
          <span>Speed</span>
          <select value={speed} onChange={(e) => c.setSpeed(Number(e.target.value))} aria-label="Playback speed (of simulated time)" data-testid="speed-select">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <div className="clock" aria-live="off">
          <span title="Virtual time">
            t = <b data-testid="virtual-time">{formatMs(clock)}</b>
          </span>
          <span title="Index of the last trace event applied">
            event <b data-testid="event-index">{index}</b> / {run ? run.total - 1 : "–"}
          </span>
          {phase && <span className="phase" title="Run phase: faults during safety, none during heal">{phase}</span>}
        </div>
      </div>
      <Timeline />
    </footer>
  );
}
