import type { InvariantDef } from "./check/checker.ts";
import type { Behavior } from "./kernel/behavior.ts";
import type { MetricsCollector } from "./metrics/collector.ts";
import type { Topology, TopologyNode } from "./topology.ts";

export interface VariantDef {
  readonly name: string;
  readonly description: string;
  /** Invariants expected to catch it (any one of them). */
  readonly caughtBy: readonly string[];
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
  /** Workload fields the model reads beyond the common ones, with defaults. */
  readonly workloadDefaults: Readonly<Record<string, unknown>>;
  /** The behavior of one node, or null for a passive node. */
  behaviorFor(node: TopologyNode, setup: ModelSetup): Behavior | null;
  /** Model-specific metrics read from the trace. */
  metrics(setup: ModelSetup): MetricsCollector;
}
