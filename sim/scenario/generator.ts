import { RngStreams, type Rng } from "../kernel/rng.ts";
import { roleIsServer } from "../roles.ts";
import type { Topology } from "../topology.ts";
import { EVENT_NODE, type FaultEntry, type FaultSchedule } from "./faults.ts";
import type { FaultGenerator } from "./schema.ts";

const round = (x: number) => Math.round(x);

function twoSides(rng: Rng, ids: readonly string[]): string[][] {
  const shuffled = [...ids];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const cut = 1 + rng.int(shuffled.length - 1);
  return [shuffled.slice(0, cut), shuffled.slice(cut)];
}

function linkEnd(rng: Rng, ids: readonly string[]): string {
  return rng.chance(0.25) ? "*" : rng.pick(ids);
}

function entryFor(kind: FaultEntry["kind"], at: number, until: number, rng: Rng, all: string[], targets: string[]): FaultEntry {
  switch (kind) {
    case "crash":
      return { kind, node: rng.pick(targets), at, until };
    case "restart":
      return { kind, node: rng.pick(targets), at };
    case "pause":
      return { kind, node: rng.pick(targets), at, until };
    case "partition":
      return { kind, groups: twoSides(rng, all), at, until };
    case "drop":
    case "duplicate":
      return { kind, from: linkEnd(rng, all), to: linkEnd(rng, all), probability: round(10 + rng.next() * 50) / 100, at, until };
    case "delay":
      return { kind, from: linkEnd(rng, all), to: linkEnd(rng, all), extraMs: round(rng.exp(50)), jitterMs: round(rng.exp(50)), at, until };
    case "heal":
      return { kind, at };
  }
}

/**
 * Draws a fault schedule for one seed from the scenario's generator. The
 * generator has its own stream forked from the master seed, so the faults
 * of seed N never depend on what the models draw.
 */
export function generateFaults(gen: FaultGenerator, topology: Topology, seed: number): FaultSchedule {
  const rng = new RngStreams(seed).get("fault-generator");
  const all = topology.nodes.map((n) => n.id);
  const targetRoles = gen.targetRoles;
  let targets = topology.nodes.filter((n) => (targetRoles ? targetRoles.includes(n.role) : roleIsServer(n.role))).map((n) => n.id);
  if (targets.length === 0) targets = all;
  const out: FaultSchedule = [];
  if (all.length < 2) return out;
  const meanDuration = gen.meanDurationMs ?? gen.meanIntervalMs;
  let active: number[] = [];
  for (let t = rng.exp(gen.meanIntervalMs); t < gen.safetyMs; t += rng.exp(gen.meanIntervalMs)) {
    active = active.filter((end) => end > t);
    if (active.length >= gen.maxConcurrent) continue;
    const at = round(t);
    const until = Math.max(at + 1, round(Math.min(t + rng.exp(meanDuration), gen.safetyMs)));
    const entry = entryFor(rng.pick(gen.kinds), at, until, rng, all, targets);
    if (entry.until !== undefined) active.push(entry.until);
    out.push(entry);
  }
  for (const trig of gen.triggers ?? []) {
    if (!rng.chance(trig.probability)) continue;
    const pool = trig.targetRole ? topology.nodes.filter((n) => n.role === trig.targetRole).map((n) => n.id) : targets;
    if (trig.target !== "emitter" && pool.length === 0) continue;
    const node = trig.target === "emitter" ? EVENT_NODE : rng.pick(pool);
    const after = { event: trig.event, ...(trig.delayMs !== undefined ? { delayMs: round(rng.next() * trig.delayMs) } : {}) };
    const durationMs = round(trig.durationMs ?? rng.exp(meanDuration));
    if (trig.kind === "partition") {
      out.push({ kind: "partition", groups: [[node], all.filter((id) => id !== node)], after, durationMs });
    } else out.push({ kind: trig.kind, node, after, durationMs });
  }
  return out;
}
