import fc from "fast-check";
import type { FaultEntry, FaultSchedule } from "../scenario/faults.ts";

export interface FaultArbOptions {
  /** Faults start before this, ms. */
  readonly safetyMs: number;
  readonly maxEntries?: number;
  /** Nodes that may crash, restart or pause (default: all). */
  readonly targets?: readonly string[];
  readonly kinds?: readonly FaultEntry["kind"][];
  /** Trace event types or observation names that `after` triggers may use. */
  readonly triggerEvents?: readonly string[];
}

/**
 * fast-check arbitrary for fault schedules over a topology's node ids:
 * crashes, restarts, pauses, partitions, loss, delay and duplication with
 * their timings, and triggered entries when trigger events are given.
 */
export function faultScheduleArb(nodeIds: readonly string[], o: FaultArbOptions): fc.Arbitrary<FaultSchedule> {
  const targets = o.targets ?? nodeIds;
  const node = fc.constantFrom(...targets);
  const end = fc.constantFrom(...nodeIds, "*");
  const at = fc.integer({ min: 0, max: Math.max(0, o.safetyMs - 1) });
  const len = fc.integer({ min: 1, max: Math.max(1, Math.floor(o.safetyMs / 2)) });
  const timed = <T extends object>(body: fc.Arbitrary<T>, needsEnd: boolean) =>
    fc.tuple(body, at, needsEnd ? len : fc.option(len, { nil: undefined })).map(([b, t, d]) => ({
      ...b,
      at: t,
      ...(d !== undefined ? { until: t + d } : {}),
    }));
  const byKind: Record<FaultEntry["kind"], fc.Arbitrary<FaultEntry>> = {
    crash: timed(fc.record({ kind: fc.constant("crash" as const), node }), false),
    restart: fc.record({ kind: fc.constant("restart" as const), node, at }),
    pause: timed(fc.record({ kind: fc.constant("pause" as const), node }), true),
    partition: timed(
      fc.shuffledSubarray([...nodeIds], { minLength: 1, maxLength: Math.max(1, nodeIds.length - 1) }).map((side) => ({
        kind: "partition" as const,
        groups: [side, nodeIds.filter((n) => !side.includes(n))],
      })),
      false,
    ),
    drop: timed(fc.record({ kind: fc.constant("drop" as const), from: end, to: end, probability: fc.double({ min: 0, max: 1, noNaN: true }) }), false),
    duplicate: timed(
      fc.record({ kind: fc.constant("duplicate" as const), from: end, to: end, probability: fc.double({ min: 0, max: 1, noNaN: true }) }),
      false,
    ),
    delay: timed(
      fc.record({ kind: fc.constant("delay" as const), from: end, to: end, extraMs: fc.integer({ min: 0, max: 200 }), jitterMs: fc.integer({ min: 0, max: 200 }) }),
      false,
    ),
    heal: fc.record({ kind: fc.constant("heal" as const), at }),
  };
  const kinds = (o.kinds ?? (Object.keys(byKind) as FaultEntry["kind"][])).filter((k) => k !== "partition" || nodeIds.length > 1);
  let entry = fc.oneof(...kinds.map((k) => byKind[k]));
  if (o.triggerEvents && o.triggerEvents.length > 0) {
    const triggered = fc
      .record({
        kind: fc.constantFrom("crash" as const, "pause" as const),
        node,
        event: fc.constantFrom(...o.triggerEvents),
        delayMs: fc.integer({ min: 0, max: 50 }),
        durationMs: len,
      })
      .map(({ kind, node: n, event, delayMs, durationMs }): FaultEntry => ({ kind, node: n, after: { event, delayMs }, durationMs }));
    entry = fc.oneof(entry, triggered);
  }
  return fc.array(entry, { maxLength: o.maxEntries ?? 8 });
}

export interface WorkloadArbOptions {
  readonly maxMessages: number;
  readonly maxRatePerSec?: number;
}

/** fast-check arbitrary for the common workload fields (models add their own on top). */
export function workloadArb(o: WorkloadArbOptions): fc.Arbitrary<{ messages: number; ratePerSec: number; connectChurn: number }> {
  return fc.record({
    messages: fc.integer({ min: 1, max: o.maxMessages }),
    ratePerSec: fc.integer({ min: 1, max: o.maxRatePerSec ?? 500 }),
    connectChurn: fc.double({ min: 0, max: 0.5, noNaN: true }).map((x) => Math.round(x * 100) / 100),
  });
}

/** Trace event names worth aiming triggered faults at, for a scenario's generator. */
export function triggerEventsOf(generator: { triggers?: readonly { event: string }[] }): string[] {
  return [...new Set(["deliver", "crash", ...(generator.triggers ?? []).map((t) => t.event)])];
}
