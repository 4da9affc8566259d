import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detExp, detLog } from "../../sim/kernel/detmath.ts";

/** Distance in units in the last place. */
function ulps(a: number, b: number): number {
  const f = new Float64Array([a, b]);
  const i = new BigInt64Array(f.buffer);
  const d = i[0] - i[1];
  return Number(d < 0n ? -d : d);
}

describe("engine-independent exp and log", () => {
  it("stay within one ulp of the platform's Math.log and Math.exp", () => {
    fc.assert(
      fc.property(fc.double({ min: 5e-324, max: 1e308, noNaN: true }), (x) => {
        expect(ulps(detLog(x), Math.log(x))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -745, max: 709, noNaN: true }), (x) => {
        expect(ulps(detExp(x), Math.exp(x))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 20_000 },
    );
  });

  it("handles the edges as IEEE 754 does", () => {
    expect(detLog(1)).toBe(0);
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(-1)).toBeNaN();
    expect(detLog(Infinity)).toBe(Infinity);
    expect(detExp(0)).toBe(1);
    expect(detExp(-Infinity)).toBe(0);
    expect(detExp(Infinity)).toBe(Infinity);
    expect(detExp(800)).toBe(Infinity);
    expect(detExp(-800)).toBe(0);
    expect(detExp(NaN)).toBeNaN();
  });

  it("gives pinned bits for pinned inputs (what a browser must reproduce)", () => {
    expect(detExp(1.17)).toBe(3.2219926385284996);
    expect(detLog(0.123456789)).toBe(-2.091864070778393);
    expect(detExp(-0.3456)).toBe(0.7077955487098908);
  });
});
