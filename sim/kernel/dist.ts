import { detExp } from "./detmath.ts";
import type { Rng } from "./rng.ts";

/**
 * A latency or service-time distribution in milliseconds, as written in
 * scenario files. A bare number is a constant.
 */
export type Dist =
  | number
  | { readonly dist: "const"; readonly ms: number }
  | { readonly dist: "uniform"; readonly min: number; readonly max: number }
  | { readonly dist: "exp"; readonly mean: number; readonly min?: number }
  | { readonly dist: "normal"; readonly mean: number; readonly sd: number; readonly min?: number }
  | { readonly dist: "lognormal"; readonly median: number; readonly sigma: number; readonly min?: number };

/** Draws one value (never negative) from a distribution. */
export function distSample(d: Dist, rng: Rng): number {
  if (typeof d === "number") return d;
  switch (d.dist) {
    case "const":
      return d.ms;
    case "uniform":
      return d.min + (d.max - d.min) * rng.next();
    case "exp":
      return (d.min ?? 0) + rng.exp(d.mean);
    case "normal":
      return Math.max(d.min ?? 0, d.mean + d.sd * rng.normal());
    case "lognormal":
      return Math.max(d.min ?? 0, d.median * detExp(d.sigma * rng.normal()));
  }
}

/** The distribution's mean, for capacity planning and display. */
export function distMean(d: Dist): number {
  if (typeof d === "number") return d;
  switch (d.dist) {
    case "const":
      return d.ms;
    case "uniform":
      return (d.min + d.max) / 2;
    case "exp":
      return (d.min ?? 0) + d.mean;
    case "normal":
      return d.mean;
    case "lognormal":
      return d.median * detExp((d.sigma * d.sigma) / 2);
  }
}
