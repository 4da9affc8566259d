import type { InvariantResult } from "../../sim/api.ts";
import { useEffect, useRef } from "react";
import { jumpToViolation } from "../app/actions.ts";
import { useAppState, useController } from "../app/useStore.ts";

const SHOWN = 25;

type Status = "ok" | "broken" | "unchecked";

function statusAt(inv: InvariantResult, index: number): Status {
  if (!inv.checked) return "unchecked";
  return inv.violations.some((v) => v.event <= index) ? "broken" : "ok";
}

/** The verdict at the moment shown: only the end of the run can say "held for the whole run". */
function verdict(inv: InvariantResult, st: Status, index: number, last: number): string {
  if (st === "unchecked") return "not checked (no heal phase)";
  if (st === "broken") return "broken";
  if (index >= last) return "held for the whole run";
  if (index < 0) return "not tested yet: press play";
  return inv.kind === "liveness" ? "judged at the end of the run" : "holds so far";
}

/** Each invariant, green or red at the moment shown; each violation with a Jump button. */
export function InvariantsTab() {
  const run = useAppState((s) => s.run);
  const index = useAppState((s) => s.cursor);
  const scenario = useAppState((s) => s.scenario);
  if (!run) return <p className="muted">Running the simulation…</p>;
  const r = run.result;
  const meaning = new Map((scenario?.guide.invariants ?? []).map((i) => [i.name, i.description]));
  const last = run.total - 1;
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
        <InvariantCard key={inv.name} inv={inv} index={index} last={last} meaning={meaning.get(inv.name)} />
      ))}
      {r.unpromised.length > 0 && (
        <>
          <h4 className="unpromised-title">Not promised by this design</h4>
          <p className="muted small">Computed on the same trace, but this stage does not claim them: what a simpler design gives up. They do not fail the run.</p>
          {r.unpromised.map((inv) => (
            <InvariantCard key={inv.name} inv={inv} index={index} last={last} meaning={meaning.get(inv.name)} unpromised />
          ))}
        </>
      )}
    </div>
  );
}

/** One invariant, green or red at the moment shown, with its violations. */
function InvariantCard(props: { inv: InvariantResult; index: number; last: number; meaning: string | undefined; unpromised?: boolean }) {
  const { inv, index, last, meaning, unpromised = false } = props;
  const c = useController();
  const st = statusAt(inv, index);
  const later = inv.violations.filter((v) => v.event > index).length;
  const card = useRef<HTMLElement>(null);
  // A card that turns red scrolls into view: the class sees it without scrolling.
  useEffect(() => {
    if (st === "broken") card.current?.scrollIntoView({ block: "nearest" });
  }, [st]);
  return (
    <section ref={card} className={`invariant ${st}${unpromised ? " unpromised" : ""}`} data-testid={`invariant-${inv.name}`} data-status={st} data-promised={!unpromised}>
      <h3>
        <span className="status-dot" aria-hidden="true" />
        {inv.name} <small>({unpromised ? `${inv.kind}, not promised` : inv.kind})</small>
      </h3>
      {meaning && <p className="meaning">{meaning}</p>}
      <p className="verdict" data-testid="verdict">
        {verdict(inv, st, index, last)}
        {st === "ok" && later > 0 && ` · breaks later (${later} violation${later > 1 ? "s" : ""})`}
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
