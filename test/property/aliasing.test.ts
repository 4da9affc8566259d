import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/cli/load.ts";
import { runScenario } from "../../sim/run.ts";

const names = readdirSync(join(import.meta.dirname, "../../scenarios"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -5));

/**
 * Nodes share a JavaScript heap, real machines do not: a node that changes
 * a body after sending it, or one it received, changes another node's
 * state without a message. With every body deep-frozen at send such a
 * write throws, and a clean run's trace is the same as without freezing.
 */
describe("no node shares memory with another through a message", () => {
  it.each(names)("%s: seeds 1 and 2 with frozen message bodies run to the same trace", (name) => {
    const sc = loadScenario(name);
    for (const seed of [1, 2]) {
      const frozen = runScenario(sc, { seed, generate: true, freezeBodies: true, unpromised: false });
      expect(frozen.traceHash).toBe(runScenario(sc, { seed, generate: true, unpromised: false }).traceHash);
    }
  });
});
