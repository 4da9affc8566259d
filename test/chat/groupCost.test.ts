import { describe, expect, it } from "vitest";
import { loadScenario } from "../../sim/cli/load.ts";
import { groupCostTable } from "../../sim/models/chat/groupCost.ts";

describe("fan-out on write vs pull", () => {
  it("writes per message grow with group size on write and stay 1 when pulling, which pays in pull requests instead", () => {
    const rows = groupCostTable(loadScenario("chat-group-small"), [4, 16], [1]);
    const at = (size: number, mode: string) => rows.find((r) => r.size === size && r.mode === mode)!;
    // On write: the stored message plus one copy per other member.
    expect(at(4, "write").writesPerMessage).toBeCloseTo(4, 0);
    expect(at(16, "write").writesPerMessage).toBeGreaterThan(3 * at(4, "write").writesPerMessage);
    expect(at(16, "write").fanoutP99).toBeGreaterThan(at(4, "write").fanoutP99);
    for (const size of [4, 16]) {
      expect(at(size, "pull").writesPerMessage).toBe(1);
      expect(at(size, "write").pullsPerDelivered).toBe(0);
      expect(at(size, "pull").pullsPerDelivered).toBeGreaterThan(0);
      // Pulling trades latency (up to a poll interval) for writes.
      expect(at(size, "pull").latencyP50).toBeGreaterThan(at(size, "write").latencyP50);
    }
  });
});
