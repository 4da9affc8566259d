import seedrandom from "seedrandom";
import { detLog } from "./detmath.ts";

/** Saved generator state: plain data, safe to clone and to send to a worker. */
export type RngState = Record<string, number>;

/**
 * One pseudo-random stream (seedrandom's alea: fast, with a savable state).
 * Every draw in msgsim comes from one of these streams, never from the platform.
 */
export class Rng {
  private readonly prng: (() => number) & { state(): RngState };

  constructor(seed: string, state?: RngState) {
    const options = { state: state ?? true } as Parameters<typeof seedrandom.alea>[1];
    this.prng = seedrandom.alea(seed, options) as unknown as (() => number) & { state(): RngState };
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.prng();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.prng() * n);
  }

  chance(probability: number): boolean {
    return probability > 0 && this.prng() < probability;
  }

  /** Exponential with the given mean. */
  exp(mean: number): number {
    return -mean * detLog(1 - this.prng());
  }

  /** Standard normal (Marsaglia's polar method: no trigonometry, so the same bits in every engine). */
  normal(): number {
    for (;;) {
      const u = 2 * this.prng() - 1;
      const v = 2 * this.prng() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return u * Math.sqrt((-2 * detLog(s)) / s);
    }
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  state(): RngState {
    return this.prng.state();
  }
}

/**
 * The run's master seed and the streams forked from it, one per name
 * ("net", "faults", "node:gateway-1", ...). A stream's seed depends only on
 * the master seed and its name, so a new draw in one stream never shifts
 * another.
 */
export class RngStreams {
  private readonly streams = new Map<string, Rng>();

  constructor(
    readonly masterSeed: number,
    private readonly saved: Record<string, RngState> = {},
  ) {}

  get(name: string): Rng {
    let rng = this.streams.get(name);
    if (!rng) {
      rng = new Rng(`${this.masterSeed}/${name}`, this.saved[name]);
      this.streams.set(name, rng);
    }
    return rng;
  }

  save(): Record<string, RngState> {
    const out: Record<string, RngState> = { ...this.saved };
    for (const [name, rng] of this.streams) out[name] = rng.state();
    return out;
  }
}
