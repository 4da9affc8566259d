/**
 * The reference workload, shared by the three implementations: clients send
 * messages with exponential gaps through a chain of FIFO servers (one server
 * each, exponential service), with a constant network latency before each
 * hop. A message leaves after the last hop.
 *
 * All three draw from the same seedrandom alea streams, named as the kernel
 * names them (`${seed}/node:<id>` for a client's gaps, `${seed}/svc:<id>`
 * for a server's service times), so they should agree to the last digit.
 */
export interface ModelParams {
  readonly clients: number;
  readonly perClient: number;
  readonly hops: number;
  /** Mean service time at each hop, ms. */
  readonly serviceMs: number;
  /** Constant one-way network latency, ms. */
  readonly latencyMs: number;
  /** Mean gap between one client's messages, ms (sets the utilisation). */
  readonly gapMs: number;
  readonly utilisation: number;
  readonly seed: number;
}

export interface ModelResult {
  readonly messages: number;
  /** Events the implementation's own queue dequeued. */
  readonly events: number;
  /** Sum of end-to-end latencies (client send to last service done), ms. */
  readonly latencySum: number;
  readonly wallMs: number;
  /** CPU time of this process (user + system, all threads) over the run, ms. */
  readonly cpuMs: number;
}

/** Wall and CPU clocks started together; `stop` reads both. */
export function stopwatch(): () => { wallMs: number; cpuMs: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(cpu);
    return { wallMs: performance.now() - wall, cpuMs: (c.user + c.system) / 1000 };
  };
}

export function modelParams(messages: number, seed = 42): ModelParams {
  const clients = Math.max(1, Math.min(1000, messages));
  const perClient = Math.max(1, Math.round(messages / clients));
  const serviceMs = 1;
  const utilisation = 0.7;
  return { clients, perClient, hops: 4, serviceMs, latencyMs: 1, gapMs: (clients * serviceMs) / utilisation, utilisation, seed };
}

export const clientId = (i: number): string => `client-${i + 1}`;
export const hopId = (h: number): string => `hop-${h + 1}`;
export const clientStream = (p: ModelParams, i: number): string => `${p.seed}/node:${clientId(i)}`;
export const hopStream = (p: ModelParams, h: number): string => `${p.seed}/svc:${hopId(h)}`;

/** Exponential draw exactly as the kernel's Rng.exp makes it. */
export function expDraw(prng: () => number, mean: number): number {
  return -mean * Math.log(1 - prng());
}

/** Mean end-to-end latency in theory: each hop is an M/M/1 queue (Burke). */
export function theoryLatencyMs(p: ModelParams): number {
  return p.hops * (p.latencyMs + p.serviceMs / (1 - p.utilisation));
}
