import { useAppState } from "../app/useStore.ts";
import { messageColor, STATE_COLORS } from "../overlay/colors.ts";

/** Tokens on the drawing, which colour is which message type, node states, network-wide faults. */
export function Legend(props: { countRef: React.RefObject<HTMLSpanElement | null>; showCount: boolean }) {
  const typesKey = useAppState((s) => [...(s.view?.inflight.types ?? [])].sort().join("\n"));
  const everywhere = useAppState((s) => [...new Set((s.view?.linkFaults ?? []).filter((f) => f.from === "*" && f.to === "*").map((f) => f.kind))].join(", "));
  const types = typesKey ? typesKey.split("\n") : [];
  return (
    <div className="legend" aria-label="Legend">
      <span className="legend-count" ref={props.countRef} data-testid="tokens-drawn" data-count="0" hidden={!props.showCount}>
        0 in flight
      </span>
      {everywhere && (
        <span className="legend-item net-fault" data-testid="network-faults" title="Link faults on every link">
          every link: {everywhere}
        </span>
      )}
      {(["crashed", "paused", "overloaded"] as const).map((k) => (
        <span key={k} className="legend-item muted">
          <span className="swatch" style={{ background: STATE_COLORS[k] }} />
          {k}
        </span>
      ))}
      {types.slice(0, 6).map((t) => (
        <span key={t} className="legend-item" title={`message type ${t}`}>
          <span className="dot" style={{ background: messageColor(t) }} />
          {t}
        </span>
      ))}
    </div>
  );
}
