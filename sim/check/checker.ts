import type { TraceEvent } from "../kernel/trace.ts";
import type { Violation } from "../kernel/types.ts";
import type { Topology } from "../topology.ts";

/** What a checker knows of the run: the design and the run's parameters, never model state. */
export interface CheckContext {
  readonly topology: Topology;
  readonly workload: Readonly<Record<string, unknown>>;
  readonly safetyMs: number;
  readonly endMs: number;
}

/**
 * A checker reads the trace as an outside observer would and reports
 * violations: safety ones as they happen, liveness ones at the end.
 */
export interface Checker {
  onEvent(e: TraceEvent): void;
  /** Called once after the last event; returns violations found at the end. */
  finish(last: TraceEvent): Violation[];
  /** Violations found so far. */
  readonly violations: Violation[];
}

export interface InvariantDef {
  readonly name: string;
  readonly description: string;
  readonly kind: "safety" | "liveness";
  create(ctx: CheckContext): Checker;
  /** Whether the workload can exercise it at all (default yes); one that cannot is not shown as "not promised". */
  appliesTo?(workload: Readonly<Record<string, unknown>>): boolean;
}

/**
 * Liveness invariants judge what happened before the second half of the
 * heal phase: a message or record that arrives a moment before the run
 * ends has had no time to be delivered, and a slow workload still sends then.
 */
export function judgedUntil(ctx: CheckContext): number {
  return ctx.endMs - (ctx.endMs - ctx.safetyMs) / 2;
}

/** Most violations a checker keeps; beyond it, only a count. */
export const MAX_VIOLATIONS = 50;

/** Base with the bookkeeping every checker shares. */
export abstract class BaseChecker implements Checker {
  readonly violations: Violation[] = [];
  dropped = 0;

  abstract onEvent(e: TraceEvent): void;

  finish(_last: TraceEvent): Violation[] {
    return [];
  }

  protected report(e: TraceEvent, message: string, nodes: readonly string[], msgs?: readonly number[]): void {
    if (this.violations.length >= MAX_VIOLATIONS) {
      this.dropped++;
      return;
    }
    this.violations.push({ at: e.t, event: e.i, message, nodes, ...(msgs ? { msgs } : {}) });
  }
}
