import type { InvariantDef } from "./check/checker.ts";
import type { Behavior } from "./kernel/behavior.ts";
import type { TraceEvent } from "./kernel/trace.ts";
import type { MetricsCollector } from "./metrics/collector.ts";
import type { Topology, TopologyNode } from "./topology.ts";

export interface VariantDef {
  readonly name: string;
  readonly description: string;
  /** Invariants expected to catch it (any one of them). */
  readonly caughtBy: readonly string[];
}

/**
 * A "sometimes" assertion: an interesting situation a sweep should reach
 * (a coordinator crash between prepare and markers, a duplicate retry...).
 * Read from the trace; a sweep reports how many seeds reached each.
 */
export interface CoverageDef {
  readonly name: string;
  readonly description: string;
  /** A fresh detector per run: true once the situation has been reached. */
  create(): { onEvent(e: TraceEvent): void; readonly reached: boolean };
  /** Whether a run with this workload can reach it at all (default: yes); others leave it out. */
  appliesTo?(workload: Readonly<Record<string, unknown>>): boolean;
}

/** What a model sees of a scenario when it wires behaviors. */
export interface ModelSetup {
  readonly topology: Topology;
  readonly workload: Readonly<Record<string, unknown>>;
  readonly variant: string;
}

/**
 * A model: the code behind each node role of one system, the invariants it
 * can be checked against and the bug variants it offers. Registered by name;
 * scenarios pick one.
 */
export interface ModelDef {
  readonly name: string;
  readonly description: string;
  readonly invariants: readonly InvariantDef[];
  readonly variants: readonly VariantDef[];
  /** Situations worth reaching in sweeps. */
  readonly coverage?: readonly CoverageDef[];
  /** Workload fields the model reads beyond the common ones, with defaults. */
  readonly workloadDefaults: Readonly<Record<string, unknown>>;
  /** The behavior of one node, or null for a passive node. */
  behaviorFor(node: TopologyNode, setup: ModelSetup): Behavior | null;
  /** Model-specific metrics read from the trace. */
  metrics(setup: ModelSetup): MetricsCollector;
}
