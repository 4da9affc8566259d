import { distSample, type Dist } from "./dist.ts";
import type { Rng } from "./rng.ts";

/** Network settings from the scenario. */
export interface NetworkConfig {
  /** One-way latency of every link unless a link overrides it. */
  readonly latencyMs: Dist;
  /** Per-link latency overrides (one direction each; "*" allowed). */
  readonly links?: readonly { readonly from: string; readonly to: string; readonly latencyMs: Dist }[];
  /** How long a live end takes to notice a broken connection. */
  readonly connBreakDetectMs: number;
}

export const DEFAULT_NETWORK: NetworkConfig = {
  latencyMs: { dist: "lognormal", median: 2, sigma: 0.5, min: 0.5 },
  connBreakDetectMs: 500,
};

/** An active one-direction link fault. */
export interface LinkFault {
  readonly id: number;
  readonly kind: "drop" | "duplicate" | "delay";
  readonly from: string;
  readonly to: string;
  readonly probability: number;
  readonly extraMs: number;
  readonly jitterMs: number;
}

export interface Partition {
  readonly id: number;
  readonly groups: readonly (readonly string[])[];
}

export interface Connection {
  readonly id: number;
  readonly a: string;
  readonly b: string;
  open: boolean;
  /** Latest scheduled delivery per direction, to keep the stream in order. */
  lastAtoB: number;
  lastBtoA: number;
}

/** A message on the wire, for drawing tokens and counting what is in flight. */
export interface InFlight {
  readonly from: string;
  readonly to: string;
  readonly type: string;
  readonly sentAt: number;
  readonly deliverAt: number;
}

/** The network's state: plain data, cloned by snapshots. */
export interface NetworkData {
  nextMsgId: number;
  nextConnId: number;
  nextFaultId: number;
  faults: LinkFault[];
  partitions: Partition[];
  conns: Map<number, Connection>;
  inflight: Map<number, InFlight>;
}

export function networkInit(): NetworkData {
  return { nextMsgId: 1, nextConnId: 1, nextFaultId: 1, faults: [], partitions: [], conns: new Map(), inflight: new Map() };
}

/** True when a partition separates the two nodes. Unlisted nodes reach everyone. */
export function networkCut(net: NetworkData, from: string, to: string): boolean {
  for (const p of net.partitions) {
    let gf = -1;
    let gt = -1;
    for (let g = 0; g < p.groups.length; g++) {
      if (p.groups[g].includes(from)) gf = g;
      if (p.groups[g].includes(to)) gt = g;
    }
    if (gf >= 0 && gt >= 0 && gf !== gt) return true;
  }
  return false;
}

function matches(f: LinkFault, from: string, to: string): boolean {
  return (f.from === "*" || f.from === from) && (f.to === "*" || f.to === to);
}

/** What the link faults decide for one message. */
export interface LinkFate {
  dropped: boolean;
  duplicated: boolean;
  latency: number;
}

/**
 * Draws a message's fate: loss, duplication, latency with extra delay and
 * jitter. Draws only from the network's own stream.
 */
export function networkFate(net: NetworkData, config: NetworkConfig, rng: Rng, from: string, to: string): LinkFate {
  let latency = distSample(linkLatency(config, from, to), rng);
  let dropped = false;
  let duplicated = false;
  for (const f of net.faults) {
    if (!matches(f, from, to)) continue;
    if (f.kind === "drop") dropped ||= rng.chance(f.probability);
    else if (f.kind === "duplicate") duplicated ||= rng.chance(f.probability);
    else latency += f.extraMs + (f.jitterMs > 0 ? rng.next() * f.jitterMs : 0);
  }
  return { dropped, duplicated, latency };
}

function linkLatency(config: NetworkConfig, from: string, to: string): Dist {
  if (config.links) {
    for (const l of config.links) {
      if ((l.from === "*" || l.from === from) && (l.to === "*" || l.to === to)) return l.latencyMs;
    }
  }
  return config.latencyMs;
}

/** Open connections that have the node at one end. */
export function connectionsOf(net: NetworkData, node: string): Connection[] {
  const out: Connection[] = [];
  for (const c of net.conns.values()) if (c.open && (c.a === node || c.b === node)) out.push(c);
  return out;
}
