import type { Checker, InvariantDef } from "./check/checker.ts";
import { InputError } from "./errors.ts";
import type { TraceEvent, TraceListener, TraceOptions } from "./kernel/trace.ts";
import type { Violation } from "./kernel/types.ts";
import { World } from "./kernel/world.ts";
import type { MetricsCollector, SeriesPoint } from "./metrics/collector.ts";
import { nodeMetrics, type NodeMetrics } from "./metrics/nodes.ts";
import type { CoverageDef, ModelSetup } from "./model.ts";
import { unpromisedInvariants, type CompiledScenario } from "./scenario/compile.ts";
import { checkFaultNodes, type FaultSchedule } from "./scenario/faults.ts";
import { generateFaults } from "./scenario/generator.ts";

/** How to run a scenario. Everything not given comes from the scenario. */
export interface RunOptions {
  readonly seed: number;
  /** Bug variant; "" or undefined for the correct design. */
  readonly variant?: string;
  /**
   * Fault schedule. At most one of `faults`, `generate` and `scenarioFaults`;
   * with none of them the run has no faults (the empty schedule).
   */
  readonly faults?: FaultSchedule;
  /** Use the scenario's fault generator for this seed. */
  readonly generate?: boolean;
  /** Use the scenario file's own `faults` schedule (its lesson: what the app opens with). */
  readonly scenarioFaults?: boolean;
  /** Overrides workload.messages. */
  readonly messages?: number;
  /** Overrides other workload fields. */
  readonly workload?: Readonly<Record<string, unknown>>;
  /** End of the safety phase (faults stop), ms. */
  readonly untilMs?: number;
  /** Length of the heal phase, ms (0: none, liveness not checked). */
  readonly healMs?: number;
  readonly trace?: TraceOptions;
  readonly listeners?: readonly TraceListener[];
  /** Keep the messages on the wire in the world (the UI draws them). */
  readonly trackInflight?: boolean;
  /** Also check the model's invariants the scenario does not promise (default true; sweeps skip them). */
  readonly unpromised?: boolean;
  /** Deep-freeze message bodies at send, so shared memory between nodes throws (tests). */
  readonly freezeBodies?: boolean;
}

export interface InvariantResult {
  readonly name: string;
  readonly kind: "safety" | "liveness";
  readonly ok: boolean;
  /** False for liveness invariants of a run without a heal phase. */
  readonly checked: boolean;
  readonly violations: readonly Violation[];
}

export interface RunResult {
  readonly scenario: string;
  readonly seed: number;
  readonly variant: string;
  readonly events: number;
  readonly traceHash: string;
  readonly endMs: number;
  readonly faults: FaultSchedule;
  /** The invariants the scenario promises: a violation fails the run. */
  readonly invariants: readonly InvariantResult[];
  /**
   * The model's other invariants, computed but not promised by this design
   * (what a simpler stage gives up); a violation here does not fail the run.
   */
  readonly unpromised: readonly InvariantResult[];
  readonly metrics: Record<string, unknown> & { nodes: Record<string, NodeMetrics> };
  /** Which of the model's coverage situations this run reached. */
  readonly coverage: Record<string, boolean>;
  readonly series: readonly SeriesPoint[];
}

/** The resolved parameters of a run: what a replay file records. */
export interface RunPlan {
  readonly seed: number;
  readonly variant: string;
  readonly faults: FaultSchedule;
  readonly workload: Readonly<Record<string, unknown>>;
  readonly untilMs: number;
  readonly healMs: number;
}

export function planRun(scenario: CompiledScenario, o: RunOptions): RunPlan {
  const variant = o.variant ?? "";
  if (variant && !scenario.model.variants.some((v) => v.name === variant)) {
    const names = scenario.model.variants.map((v) => v.name).join(", ");
    throw new InputError("--variant", "", `scenario "${scenario.name}" has no variant "${variant}" (variants: ${names || "none"})`);
  }
  const gen = scenario.file.generator;
  const sources = [o.faults !== undefined && "--faults", o.generate && "--generate", o.scenarioFaults && "--scenario-faults"].filter(Boolean);
  if (sources.length > 1) {
    throw new InputError("arguments", "", `${sources.join(" and ")} cannot be combined: each chooses the fault schedule (give one of --faults, --generate, --scenario-faults)`);
  }
  const faults = o.faults ?? (o.generate ? generateFaults(gen, scenario.topology, o.seed) : o.scenarioFaults ? (scenario.file.faults ?? []) : []);
  checkFaultNodes(faults, new Set(scenario.topology.nodes.map((n) => n.id)), "faults");
  const workload = { ...scenario.workload, ...o.workload, ...(o.messages !== undefined ? { messages: o.messages } : {}) };
  return { seed: o.seed, variant, faults, workload, untilMs: o.untilMs ?? gen.safetyMs, healMs: o.healMs ?? gen.healMs };
}

/** A run in progress: the world plus the checkers and metrics that watch its trace. */
export class Run {
  readonly world: World;
  readonly plan: RunPlan;
  readonly checkers: { def: InvariantDef; checker: Checker }[];
  readonly unpromised: { def: InvariantDef; checker: Checker }[];
  readonly metrics: MetricsCollector;
  readonly coverage: { name: string; detector: ReturnType<CoverageDef["create"]> }[];
  private last: TraceEvent | undefined;
  private finished: { promised: InvariantResult[]; unpromised: InvariantResult[] } | undefined;

  constructor(readonly scenario: CompiledScenario, options: RunOptions) {
    const plan = (this.plan = planRun(scenario, options));
    const setup: ModelSetup = { topology: scenario.topology, workload: plan.workload, variant: plan.variant };
    const ctx = { topology: scenario.topology, workload: plan.workload, safetyMs: plan.untilMs, endMs: plan.untilMs + plan.healMs };
    this.checkers = scenario.invariants.map((def) => ({ def, checker: def.create(ctx) }));
    const others = options.unpromised === false ? [] : unpromisedInvariants(scenario, plan.workload);
    this.unpromised = others.map((def) => ({ def, checker: def.create(ctx) }));
    this.metrics = scenario.model.metrics(setup);
    this.coverage = (scenario.model.coverage ?? [])
      .filter((def) => def.appliesTo?.(plan.workload) ?? true)
      .map((def) => ({ name: def.name, detector: def.create() }));
    const watch: TraceListener = (e) => {
      this.last = e;
      for (const c of this.checkers) c.checker.onEvent(e);
      for (const c of this.unpromised) c.checker.onEvent(e);
      this.metrics.onEvent(e);
      for (const c of this.coverage) if (!c.detector.reached) c.detector.onEvent(e);
    };
    this.world = new World({
      seed: plan.seed,
      variant: plan.variant,
      nodes: scenario.topology.nodes.map((n) => ({
        id: n.id,
        role: n.role,
        capacity: scenario.capacityFor(n),
        behavior: scenario.model.behaviorFor(n, setup),
      })),
      network: scenario.network,
      faults: plan.faults,
      safetyMs: plan.untilMs,
      healMs: plan.healMs,
      trace: options.trace,
      trackInflight: options.trackInflight,
      freezeBodies: options.freezeBodies,
      listeners: [watch, ...(options.listeners ?? [])],
    });
  }

  /** Runs to the end and checks every invariant. */
  finish(): RunResult {
    this.world.runToEnd();
    return this.result();
  }

  /** The promised invariants' verdicts so far (final once the run has ended). */
  invariantResults(): InvariantResult[] {
    return this.verdicts().promised;
  }

  private verdicts(): { promised: InvariantResult[]; unpromised: InvariantResult[] } {
    if (this.finished) return this.finished;
    const done = this.world.phase === "end";
    const healed = this.plan.healMs > 0;
    const judge = ({ def, checker }: { def: InvariantDef; checker: Checker }): InvariantResult => {
      const checked = def.kind === "safety" || (done && healed);
      if (done && healed && this.last) checker.finish(this.last);
      else if (done && def.kind === "safety" && this.last) checker.finish(this.last);
      const violations = [...checker.violations];
      return { name: def.name, kind: def.kind, ok: violations.length === 0, checked, violations };
    };
    const out = { promised: this.checkers.map(judge), unpromised: this.unpromised.map(judge) };
    if (done) this.finished = out;
    return out;
  }

  result(): RunResult {
    const w = this.world;
    const verdicts = this.verdicts();
    return {
      scenario: this.scenario.name,
      seed: this.plan.seed,
      variant: this.plan.variant,
      events: w.trace.count,
      traceHash: w.trace.hash.hex(),
      endMs: Math.round(w.now * 1000) / 1000,
      faults: this.plan.faults,
      invariants: verdicts.promised,
      unpromised: verdicts.unpromised,
      metrics: { ...this.metrics.result(), nodes: nodeMetrics(w) },
      coverage: Object.fromEntries(this.coverage.map((c) => [c.name, c.detector.reached])),
      series: this.metrics.series(),
    };
  }
}

/** Runs a scenario to the end. */
export function runScenario(scenario: CompiledScenario, options: RunOptions): RunResult {
  return new Run(scenario, options).finish();
}
