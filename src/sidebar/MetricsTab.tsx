import { useAppState } from "../app/useStore.ts";
import { Chart } from "./Chart.tsx";

function fmt(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (v === null || v === undefined) return "–";
  if (typeof v === "object") return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k} ${fmt(x)}`).join(" · ");
  return String(v);
}

/** The run's figures: latency, throughput, cost per message, rejects, and per-node load. */
export function MetricsTab() {
  const run = useAppState((s) => s.run);
  const now = useAppState((s) => Math.round(s.clock));
  if (!run) return <p className="muted">Running the simulation…</p>;
  const { series, metrics, endMs } = run.result;
  const bucket = series.length > 1 ? series[1].t - series[0].t : 1000;
  const mid = (t: number) => t + bucket / 2;
  const perSec = 1000 / bucket;
  const { nodes, ...summary } = metrics;
  const rows = Object.entries(nodes).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="metrics" data-testid="metrics">
      <dl className="facts">
        {Object.entries(summary).map(([k, v]) => (
          <div key={k} className="fact">
            <dt>{k}</dt>
            <dd>{fmt(v)}</dd>
          </div>
        ))}
      </dl>
      <Chart
        title="Latency"
        unit="ms"
        endMs={endMs}
        now={now}
        lines={[
          { label: "p50", color: "#1971c2", points: series.map((p) => ({ t: mid(p.t), v: p.p50 })) },
          { label: "p99", color: "#e8590c", points: series.map((p) => ({ t: mid(p.t), v: p.p99 })) },
        ]}
      />
      <Chart title="Throughput" unit="delivered/s" endMs={endMs} now={now} lines={[{ label: "delivered", color: "#2f9e44", points: series.map((p) => ({ t: mid(p.t), v: p.delivered * perSec })) }]} />
      <Chart
        title="Requests per delivered message"
        unit="req/msg"
        endMs={endMs}
        now={now}
        lines={[{ label: "requests/delivered", color: "#9c36b5", points: series.filter((p) => p.delivered > 0).map((p) => ({ t: mid(p.t), v: Math.round((p.requests / p.delivered) * 100) / 100 })) }]}
      />
      <Chart title="Rejected" unit="per s" endMs={endMs} now={now} lines={[{ label: "rejected", color: "#c92a2a", points: series.map((p) => ({ t: mid(p.t), v: p.rejected * perSec })) }]} />
      {Object.keys(series[0]?.extra ?? {}).map((name) => (
        <Chart key={name} title={name} unit="" endMs={endMs} now={now} lines={[{ label: name, color: "#0c8599", points: series.map((p) => ({ t: mid(p.t), v: p.extra?.[name] ?? 0 })) }]} />
      ))}
      <table className="node-table">
        <thead>
          <tr>
            <th>node</th>
            <th>role</th>
            <th title="Busy servers over capacity, averaged over the run">util.</th>
            <th>max queue</th>
            <th>handled</th>
            <th>rejected</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([id, m]) => (
            <tr key={id}>
              <td>{id}</td>
              <td>{m.role}</td>
              <td>
                <span className="bar" style={{ width: `${Math.round(m.utilisation * 100)}%` }} />
                {Math.round(m.utilisation * 100)}%
              </td>
              <td>{m.maxQueue}</td>
              <td>{m.handled}</td>
              <td>{m.rejected}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
