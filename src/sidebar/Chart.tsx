/** A small line chart in plain SVG: a few series over virtual time, with a cursor at `now`. */
export interface ChartLine {
  readonly label: string;
  readonly color: string;
  readonly points: readonly { readonly t: number; readonly v: number }[];
}

const W = 300;
const H = 110;
const PAD = { l: 36, r: 8, t: 8, b: 18 };

function nice(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((k) => k * p).find((x) => x >= max) ?? max;
}

export function Chart(props: { title: string; unit: string; lines: readonly ChartLine[]; endMs: number; now: number }) {
  const { lines, endMs, now } = props;
  const top = nice(Math.max(0, ...lines.flatMap((l) => l.points.map((p) => (Number.isFinite(p.v) ? p.v : 0)))));
  const x = (t: number) => PAD.l + (t / Math.max(endMs, 1)) * (W - PAD.l - PAD.r);
  const y = (v: number) => H - PAD.b - (v / top) * (H - PAD.t - PAD.b);
  return (
    <figure className="chart">
      <figcaption>
        {props.title}{" "}
        {lines.map((l) => (
          <span key={l.label} className="chart-key" style={{ color: l.color }}>
            ● {l.label}
          </span>
        ))}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.title}>
        <line x1={PAD.l} x2={W - PAD.r} y1={y(0)} y2={y(0)} className="axis" />
        <line x1={PAD.l} x2={W - PAD.r} y1={y(top)} y2={y(top)} className="grid" />
        <text x={PAD.l - 4} y={y(top) + 4} textAnchor="end" className="tick">
          {top}
        </text>
        <text x={PAD.l - 4} y={y(0)} textAnchor="end" className="tick">
          0
        </text>
        <text x={W - PAD.r} y={H - 4} textAnchor="end" className="tick">
          {(endMs / 1000).toFixed(1)} s
        </text>
        <text x={PAD.l} y={H - 4} className="tick">
          {props.unit}
        </text>
        {lines.map((l) => (
          <polyline key={l.label} fill="none" stroke={l.color} strokeWidth={2} points={l.points.filter((p) => Number.isFinite(p.v)).map((p) => `${x(p.t)},${y(p.v)}`).join(" ")} />
        ))}
        <line x1={x(now)} x2={x(now)} y1={PAD.t} y2={H - PAD.b} className="cursor" />
      </svg>
    </figure>
  );
}
