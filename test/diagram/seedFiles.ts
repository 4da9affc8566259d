import { readFileSync } from "node:fs";
import type { Topology } from "../../sim/topology.ts";

export const SEEDS = {
  log: "000_3cf2a8a31156758d.txt",
  chat: "001_a6b0c46ad62bd8ac.txt",
  syncQueues: "002_79eadad74ea281c4.txt",
  notifications: "003_b3134a2dce933a2a.txt",
} as const;

export function readSeed(name: string): string {
  return readFileSync(new URL(`../../diagrams/${name}`, import.meta.url), "utf8");
}

export function readFixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}

/** "id role label" per node. */
export function nodeLines(t: Topology): string[] {
  return t.nodes.map((n) => `${n.id} ${n.role} ${n.label}`);
}

/** "from -> to" per edge (with " [label]" when labelled). */
export function edgeLines(t: Topology, withLabels = false): string[] {
  return t.edges.map((e) => `${e.from} -> ${e.to}${withLabels && e.label ? ` [${e.label}]` : ""}`);
}

/** Edges as "label -> label" (role when unlabelled), for checks that do not depend on numbering. */
export function labelledEdges(t: Topology): string[] {
  const name = new Map(t.nodes.map((n) => [n.id, n.label || n.role]));
  return t.edges.map((e) => `${name.get(e.from)} -> ${name.get(e.to)}`);
}
