import { describe, expect, it } from "vitest";
import { appUrl } from "../../sim/appUrl.ts";
import { decodeFaultsParam } from "../../sim/scenario/urlFaults.ts";

describe("the app link a sweep prints", () => {
  it("always carries faults, W10 for none, so the app does not read it as an older link", () => {
    const none = new URL(appUrl("http://app.test/", { scenario: "demo", seed: 2, faults: [], t: 40 }));
    expect(none.searchParams.get("faults")).toBe("W10");
    expect(new URL(appUrl("http://app.test/", { scenario: "demo", seed: 2 })).searchParams.get("faults")).toBe("W10");
    const crash = [{ kind: "crash" as const, node: "gateway-1", at: 5 }];
    const one = new URL(appUrl("http://app.test/x", { scenario: "demo", seed: 2, faults: crash }));
    expect(decodeFaultsParam(one.searchParams.get("faults")!)).toEqual(crash);
  });
});
