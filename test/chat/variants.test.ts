import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/cli/load.ts";
import { runScenario } from "../../sim/run.ts";

/**
 * Each bug variant is caught, by one of the invariants it names, within a
 * small seed range of its scenario's default generator (found with
 * `msgsim sweep <scenario> --variant V`; first catching seed in brackets).
 */
const CAUGHT: Record<string, Record<string, number>> = {
  "chat-polling": { "ack-before-persist": 1, "no-client-dedup": 1 },
  "chat-websocket": { "ack-before-persist": 1, "no-client-dedup": 1, "no-sequence": 6 },
  "chat-stateful": { "ack-before-persist": 1, "no-client-dedup": 1, "trust-stale-registry": 1, "no-sequence": 1 },
  "chat-cdc": { "ack-before-persist": 1, "no-client-dedup": 1, "trust-stale-registry": 1, "no-sequence": 2 },
  "chat-split": { "ack-before-persist": 1, "no-client-dedup": 1, "trust-stale-registry": 1, "no-sequence": 1 },
  "chat-sync-queue": { "ack-before-persist": 1, "no-client-dedup": 1, "pointer-on-send": 1, "no-sequence": 1 },
  "chat-notify": { "ack-before-persist": 1, "no-client-dedup": 2, "trust-stale-registry": 1, "no-offline-push": 2, "no-sequence": 4 },
};

describe("chat: every bug variant is caught", () => {
  for (const [name, variants] of Object.entries(CAUGHT)) {
    it(`${name}: ${Object.keys(variants).join(", ")}`, () => {
      const scenario = loadScenario(name);
      expect(Object.keys(variants).sort()).toEqual([...(scenario.file.variants ?? [])].sort());
      for (const [variant, seed] of Object.entries(variants)) {
        const caughtBy = scenario.model.variants.find((v) => v.name === variant)!.caughtBy;
        const r = runScenario(scenario, { seed, variant, generate: true });
        const failed = r.invariants.filter((i) => !i.ok).map((i) => i.name);
        expect(failed.filter((n) => caughtBy.includes(n)), `${variant} at seed ${seed}`).not.toEqual([]);
      }
    });
  }
});
