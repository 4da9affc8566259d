import type { InvariantResult } from "../../sim/api.ts";
import { jumpToViolation } from "../app/actions.ts";
import { useAppState, useController } from "../app/useStore.ts";

const SHOWN = 25;

type Status = "ok" | "broken" | "unchecked";

function statusAt(inv: InvariantResult, index: number): Status {
  if (!inv.checked) return "unchecked";
  return inv.violations.some((v) => v.event <= index) ? "broken" : "ok";
}

const WORDS: Record<Status, string> = { ok: "holds so far", broken: "broken", unchecked: "not checked (no heal phase)" };

/** Each invariant, green or red at the moment shown; each violation with a Jump button. */
export function InvariantsTab() {
  const run = useAppState((s) => s.run);
  const index = useAppState((s) => s.cursor);
  const scenario = useAppState((s) => s.scenario);
  if (!run) return <p className="muted">Running the simulation…</p>;
  const r = run.result;
  return (
    <div className="invariants">
      <dl className="run-facts">
        <dt>Trace hash</dt>
        <dd>
          <code data-testid="trace-hash">{r.traceHash}</code>
        </dd>
        <dt>Run</dt>
        <dd>
          {scenario?.compiled.name} · seed {r.seed} · {r.variant ? `bug: ${r.variant}` : "correct design"} · {r.events} events · {r.endMs} ms
        </dd>
      </dl>
      {r.invariants.map((inv) => (
        <InvariantCard key={inv.name} inv={inv} index={index} />
      ))}
      {r.unpromised.length > 0 && (
        <>
          <h4 className="unpromised-title">Not promised by this design</h4>
          <p className="muted small">Computed on the same trace, but this stage does not claim them: what a simpler design gives up. They do not fail the run.</p>
          {r.unpromised.map((inv) => (
            <InvariantCard key={inv.name} inv={inv} index={index} unpromised />
          ))}
        </>
      )}
    </div>
  );
}

/** One invariant, green or red at the moment shown, with its violations. */
function InvariantCard({ inv, index, unpromised = false }: { inv: InvariantResult; index: number; unpromised?: boolean }) {
  const c = useController();
  const st = statusAt(inv, index);
  const later = inv.violations.filter((v) => v.event > index).length;
  return (
    <section className={`invariant ${st}${unpromised ? " unpromised" : ""}`} data-testid={`invariant-${inv.name}`} data-status={st} data-promised={!unpromised}>
      <h3>
        <span className="status-dot" aria-hidden="true" />
        {inv.name} <small>({unpromised ? `${inv.kind}, not promised` : inv.kind})</small>
      </h3>
      <p className="verdict">
        {WORDS[st]}
        {st === "ok" && later > 0 && ` · breaks later (${later} violation${later > 1 ? "s" : ""})`}
        {st !== "unchecked" && later === 0 && inv.violations.length === 0 && " · holds for the whole run"}
      </p>
      {inv.violations.length > 0 && (
        <ol className="violations">
          {inv.violations.slice(0, SHOWN).map((v, i) => (
            <li key={i} className={v.event <= index ? "past" : "future"} data-testid="violation">
              <button type="button" onClick={() => jumpToViolation(c, v)} title="Go to the event that broke the invariant" data-testid="jump-violation" data-event={v.event}>
                Jump
              </button>
              <span>
                <b>event {v.event}</b> · {v.at.toFixed(1)} ms · {v.message}
                {v.nodes.length > 0 && <em> ({v.nodes.join(", ")})</em>}
              </span>
            </li>
          ))}
          {inv.violations.length > SHOWN && <li className="muted">and {inv.violations.length - SHOWN} more</li>}
        </ol>
      )}
    </section>
  );
}
