import { createRequire } from "node:module";
import seedrandom from "seedrandom";
import { clientId, clientStream, expDraw, hopId, hopStream, stopwatch, type ModelParams, type ModelResult } from "./model.ts";

/** The slice of SIM.JS's API used here (the package ships no types). */
interface SimRequest {
  done(callback: (...args: any[]) => void, context?: object, argument?: unknown): SimRequest;
}
interface SimEntity {
  time(): number;
  setTimer(duration: number): SimRequest;
  useFacility(facility: object, duration: number): SimRequest;
}
interface SimSim {
  step(): boolean;
  addEntity(klass: new (sim: SimSim, name?: string) => SimEntity & { start(...args: any[]): void }, name?: string, ...args: unknown[]): SimEntity;
}
interface SimJs {
  Sim: new () => SimSim;
  Entity: new (sim: SimSim, name?: string) => SimEntity;
  Facility: new (name: string, discipline?: unknown, servers?: number, maxqlen?: number) => object;
}

/**
 * simjs 2.0.3's `main` is a browserify bundle built without `--standalone`:
 * under Node it exports nothing and only sets `window.Sim` when a `window`
 * exists. So: give it a window for the moment it loads.
 */
function loadSimjs(): SimJs {
  const g = globalThis as { window?: { Sim?: SimJs } };
  const had = "window" in g;
  const prev = g.window;
  g.window = {};
  try {
    createRequire(import.meta.url)("simjs");
    const sim = g.window.Sim;
    if (!sim) throw new Error("simjs did not register window.Sim");
    return sim;
  } finally {
    if (had) g.window = prev;
    else delete g.window;
  }
}

const SIM: SimJs = loadSimjs();

/**
 * The reference workload on SIM.JS: one entity per client; a message is a
 * chain of callbacks: latency timer, useFacility (FCFS, one server) per hop.
 */
export function runSimjs(p: ModelParams): ModelResult {
  const stop = stopwatch();
  const sim = new SIM.Sim();
  const facilities = Array.from({ length: p.hops }, (_, h) => new SIM.Facility(hopId(h)));
  const svcRng = Array.from({ length: p.hops }, (_, h) => seedrandom.alea(hopStream(p, h)));
  const stats = { done: 0, latencySum: 0 };
  const lastHop = p.hops - 1;

  class Client extends SIM.Entity {
    sent = 0;
    rng: () => number = Math.random;

    start(index: number): void {
      this.rng = seedrandom.alea(clientStream(p, index));
      this.setTimer(expDraw(this.rng, p.gapMs)).done(this.fire);
    }

    fire(): void {
      this.setTimer(p.latencyMs).done(this.arrive, this, [this.time(), 0]);
      if (++this.sent < p.perClient) this.setTimer(expDraw(this.rng, p.gapMs)).done(this.fire);
    }

    arrive(t0: number, h: number): void {
      // Drawn at arrival, not at service start: for one FIFO server the k-th
      // arrival is the k-th served, so the draws are the same.
      this.useFacility(facilities[h], expDraw(svcRng[h], p.serviceMs)).done(this.served, this, [t0, h]);
    }

    served(t0: number, h: number): void {
      if (h < lastHop) this.setTimer(p.latencyMs).done(this.arrive, this, [t0, h + 1]);
      else {
        stats.done++;
        stats.latencySum += this.time() - t0;
      }
    }
  }

  for (let i = 0; i < p.clients; i++) sim.addEntity(Client, clientId(i), i);
  let events = 0;
  while (sim.step()) events++;
  return { messages: stats.done, events, latencySum: stats.latencySum, ...stop() };
}
