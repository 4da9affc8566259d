import { applyScenarioFaults, setSideTab } from "../app/actions.ts";
import { useAppState, useController } from "../app/useStore.ts";
import { describeFault } from "../faults/describe.ts";

/** The scenario's story: what it shows, what to watch, and what each bug variant switches off. */
export function AboutTab() {
  const c = useController();
  const scenario = useAppState((s) => s.scenario);
  const variant = useAppState((s) => s.variant);
  const faults = useAppState((s) => s.faults);
  if (!scenario) return <p className="muted">Loading the scenario…</p>;
  const { guide, defaultFaults } = scenario;
  const own = JSON.stringify(faults) === JSON.stringify(defaultFaults);
  const promised = guide.invariants.filter((i) => i.promised);
  const chosen = guide.variants.find((v) => v.name === variant);
  return (
    <div className="about" data-testid="about">
      <h2 className="about-title">{guide.title}</h2>
      {guide.description ? <p className="about-text">{guide.description}</p> : <p className="muted">This scenario has no description.</p>}
      <h3>What to watch</h3>
      <ol className="watch">
        <li>
          Press <b>play</b>.{" "}
          {defaultFaults.length > 0 ? (
            <>
              The scenario's own faults run with it:
              <ul className="about-faults">
                {defaultFaults.map((f, i) => (
                  <li key={i}>
                    {describeFault(f)}
                    {f.note ? <em className="muted"> ({f.note})</em> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>This scenario has no faults of its own: click a box or an arrow to add one, or press Random faults.</>
          )}
          {!own && (
            <p className="small">
              You changed the schedule: it now has {faults.length} {faults.length === 1 ? "entry" : "entries"}.{" "}
              <button type="button" onClick={() => applyScenarioFaults(c)} data-testid="about-use-scenario-faults">
                Use the scenario's faults
              </button>
            </p>
          )}
        </li>
        <li>
          Watch the{" "}
          <button type="button" className="link" onClick={() => setSideTab(c, "invariants")} data-testid="about-to-invariants">
            invariant cards
          </button>
          : {promised.map((i) => i.name).join(", ")}. A card turns red at the event that broke it; <i>Jump</i> goes there.
        </li>
        {chosen ? (
          <li data-testid="about-chosen-variant">
            With <b>bug: {chosen.name}</b> ({chosen.description}), <b>{chosen.caughtBy.join(" or ")}</b> should turn red.
          </li>
        ) : guide.variants.length > 0 ? (
          <li>Then pick a bug variant below (or at the top) and play again: the invariant it names should turn red.</li>
        ) : null}
        {guide.idle.length > 0 && (
          <li>
            Greyed boxes ({guide.idle.join(", ")}) are drawn but have no behaviour in this design: crashing them changes nothing.
          </li>
        )}
      </ol>
      <h3>Bug variants</h3>
      {guide.variants.length === 0 && <p className="muted">This scenario offers no bug variants.</p>}
      <ul className="variants">
        {guide.variants.map((v) => (
          <li key={v.name} className={v.name === variant ? "chosen" : ""} data-testid={`about-variant-${v.name}`}>
            <div className="variant-head">
              <b>{v.name}</b>
              <button type="button" disabled={v.name === variant} onClick={() => c.setVariant(v.name)} data-testid={`about-try-${v.name}`}>
                {v.name === variant ? "chosen" : "Try it"}
              </button>
            </div>
            <div>Switches off: {v.description}</div>
            <div>
              Should break: <b>{v.caughtBy.join(" or ")}</b>
            </div>
          </li>
        ))}
      </ul>
      {variant && (
        <button type="button" onClick={() => c.setVariant("")} data-testid="about-correct-design">
          Back to the correct design
        </button>
      )}
      <h3>Invariants</h3>
      <dl className="about-invariants">
        {guide.invariants.map((i) => (
          <div key={i.name}>
            <dt>
              {i.name} <small className="muted">({i.kind}{i.promised ? "" : ", not promised here"})</small>
            </dt>
            <dd>{i.description}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
