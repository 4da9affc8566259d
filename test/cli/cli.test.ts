import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { msgsim } from "./run.ts";

const tmp = mkdtempSync(join(tmpdir(), "msgsim-cli-"));
const file = (name: string, content: string) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe("msgsim CLI", () => {
  it("lists scenarios, invariants, variants, fault kinds and trace event types", () => {
    const r = msgsim("list", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.scenarios.map((s: { name: string }) => s.name)).toContain("demo");
    expect(out.invariants.map((i: { name: string }) => i.name)).toContain("no-lost-message");
    expect(out.variants.map((v: { name: string }) => v.name)).toContain("no-client-dedup");
    expect(out.faultKinds).toEqual(["crash", "restart", "pause", "partition", "drop", "duplicate", "delay", "heal"]);
    expect(out.traceEventTypes).toContain("deliver");
  });

  it("describes a scenario's nodes, links, invariants and variants", () => {
    const r = msgsim("describe", "demo", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.nodes.length).toBeGreaterThan(5);
    expect(out.links.length).toBeGreaterThan(5);
    expect(out.invariants.map((i: { name: string }) => i.name)).toEqual(["no-lost-message", "no-duplicate-display"]);
    // Drawn nodes the design gives no behaviour are marked idle; what it does not promise is listed.
    const stateful = JSON.parse(msgsim("describe", "chat-stateful", "--json").stdout);
    const idle = (role: string) => [...new Set(stateful.nodes.filter((n: { role: string }) => n.role === role).map((n: { idle: boolean }) => n.idle))];
    expect(idle("socket-cache")).toEqual([true]);
    expect(idle("gateway")).toEqual([false]);
    expect(stateful.unpromised).toEqual(["offline-notified"]);
    // The scenario's own fault schedule, with what each entry stands for.
    expect(stateful.faults.length).toBeGreaterThan(0);
    expect(stateful.faults.every((f: { note?: string }) => f.note)).toBe(true);
    const text = msgsim("describe", "chat-stateful").stdout;
    expect(text).toContain("Faults (its own schedule: msgsim run chat-stateful --scenario-faults)");
    expect(text).toMatch(/\ncrash +gateway-5 +after msg\.persist for 300 ms +the Messaging Service that took the first message/);
  });

  it("runs a scenario with a fault file and prints the JSON contract", () => {
    const d = JSON.parse(msgsim("describe", "demo", "--json").stdout);
    const server = d.nodes.find((n: { role: string }) => n.role === "message-queue").id;
    const faults = file("faults.json", JSON.stringify([{ kind: "crash", node: server, at: 500, until: 1500 }]));
    const trace = join(tmp, "trace.jsonl");
    const r = msgsim("run", "demo", "--seed", "3", "--faults", faults, "--trace", trace, "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const key of ["scenario", "seed", "variant", "events", "traceHash", "invariants", "metrics"]) expect(out).toHaveProperty(key);
    expect(out.seed).toBe(3);
    expect(out.invariants.every((i: { ok: boolean }) => i.ok)).toBe(true);
    const lines = readFileSync(trace, "utf8").trim().split("\n");
    expect(lines).toHaveLength(out.events);
    expect(lines.some((l) => JSON.parse(l).type === "crash")).toBe(true);
    const again = JSON.parse(msgsim("run", "demo", "--seed", "3", "--faults", faults, "--json").stdout);
    expect(again.traceHash).toBe(out.traceHash);
  });

  it("shows the invariants a stage does not promise, and exits 0 when only those break", () => {
    const r = msgsim("run", "chat-websocket", "--seed", "1", "--generate");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/not promised by this design[^\n]*\n\s+offline-notified\s+broken \(3\), first at [\d.]+ms event #\d+: client-2#\d+ persisted/);
    const out = JSON.parse(msgsim("run", "chat-websocket", "--seed", "1", "--generate", "--json").stdout);
    expect(out.unpromised.map((i: { name: string; ok: boolean }) => [i.name, i.ok])).toEqual([["offline-notified", false]]);
  });

  it("exits 1 with the violation when a bug variant breaks an invariant", () => {
    const faults = file("dup.json", JSON.stringify([{ kind: "drop", from: "*", to: "*", probability: 0.2, at: 0, until: 2500 }]));
    const r = msgsim("run", "demo", "--variant", "no-client-dedup", "--faults", faults, "--json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    const inv = out.invariants.find((i: { name: string }) => i.name === "no-duplicate-display");
    expect(inv.ok).toBe(false);
    expect(inv.violations[0]).toMatchObject({ event: expect.any(Number), at: expect.any(Number), message: expect.any(String) });
  });

  it("rejects bad input with exit 2 and a message naming the problem", () => {
    const cases: [string[], RegExp][] = [
      [["run", "no-such-scenario"], /unknown scenario "no-such-scenario"/],
      [["run", "demo", "--variant", "bogus"], /no variant "bogus"/],
      [["run", "demo", "--seed", "x"], /--seed: expected an integer/],
      [["run", "demo", "--faults", file("bad.json", '[{"kind":"crash","at":5}]')], /bad\.json: \[0\]\.node/],
      [["run", "demo", "--faults", file("badnode.json", '[{"kind":"crash","node":"nope","at":5}]')], /unknown node "nope"/],
      [["run", "demo", "--faults", file("notjson.json", "[{")], /not valid JSON/],
      [["run", "demo", "--faults", file("ok.json", "[]"), "--scenario-faults"], /--faults and --scenario-faults cannot be combined[^]*usage:/],
      [["run", "demo", "--faults", file("ok2.json", "[]"), "--generate"], /--faults and --generate cannot be combined/],
      [["run", "demo", "--generate", "--scenario-faults"], /--generate and --scenario-faults cannot be combined/],
      [["run", file("scen.json", '{"name":"x"}')], /scen\.json: /],
      [["sweep", "demo", "--seeds", "5..2"], /--seeds/],
      [["sweep", "demo", "--shard", "3/2"], /--shard/],
      [["frobnicate"], /unknown command/],
      [["run", "demo", "--bogus"], /Unknown option '--bogus'[^]*usage:\n  msgsim run <scenario>/],
      [["describe"], /expected one scenario, got 0/],
    ];
    for (const [args, message] of cases) {
      const r = msgsim(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it("prints one command's usage for --help and -h", () => {
    for (const flag of ["--help", "-h"]) {
      const r = msgsim("sweep", flag);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^usage:\n  msgsim sweep <scenario> \[--seeds A\.\.B\][^]*--shrink N\] \[--json\]\n\n<scenario> is/);
      expect(r.stdout).not.toContain("msgsim run");
    }
  });

  it("sweeps seeds across workers and shards", () => {
    const r = msgsim("sweep", "demo", "--seeds", "1..6", "--workers", "2", "--messages", "30", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ scenario: "demo", variant: "", seeds: { from: 1, to: 6 }, runs: 6, failures: [] });
    const half = JSON.parse(msgsim("sweep", "demo", "--seeds", "1..6", "--shard", "2/2", "--workers", "1", "--messages", "30", "--json").stdout);
    expect(half.runs).toBe(3);
  });

  it("prints a failing seed and the command that reproduces it", () => {
    const r = msgsim("sweep", "demo", "--seeds", "1..20", "--variant", "no-retry", "--workers", "2");
    expect(r.code).toBe(1);
    const m = /reproduce: msgsim (run demo --seed (\d+) --variant no-retry --generate)/.exec(r.stdout);
    expect(m).not.toBeNull();
    const again = msgsim(...m![1].split(" "));
    expect(again.code).toBe(1);
  });
});

describe("msgsim sweep failures and replay", () => {
  it("shrinks a failing seed, writes a replay file that reproduces it, and links the app at the event", () => {
    const out = join(tmp, "replays");
    const r = msgsim("sweep", "demo", "--seeds", "1..3", "--variant", "no-retry", "--workers", "1", "--out", out, "--app-url", "http://app.test/msgsim", "--json");
    expect(r.code).toBe(1);
    const sweep = JSON.parse(r.stdout);
    expect(sweep).toMatchObject({ scenario: "demo", variant: "no-retry", runs: 3, coverage: {} });
    expect(sweep.seedsPerSec).toBeGreaterThan(0);
    const f = sweep.failures[0];
    expect(f.invariant).toBe("no-lost-message");
    expect(f.faults.length).toBeLessThanOrEqual(10);
    expect(f.faults.length).toBeLessThan(f.originalFaults);
    const url = new URL(f.url);
    expect(url.origin + url.pathname).toBe("http://app.test/msgsim/");
    expect(url.searchParams.get("t")).toBe(String(f.event));
    expect(url.searchParams.get("variant")).toBe("no-retry");
    const replay = JSON.parse(readFileSync(f.replayFile, "utf8"));
    expect(Object.keys(replay)).toEqual(expect.arrayContaining(["version", "scenario", "variant", "seed", "workload", "faults", "healMs", "expect"]));
    expect(replay.expect).toMatchObject({ invariant: "no-lost-message", event: f.event });
    const again = msgsim("replay", f.replayFile, "--json");
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).replay).toMatchObject({ sameHash: true, reproduced: true });
    replay.expect.traceHash = "0000000000000000";
    const tampered = file("tampered.json", JSON.stringify(replay));
    const bad = msgsim("replay", tampered);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/trace hash differs/);
    expect(msgsim("replay", file("broken.json", '{"version":1}')).code).toBe(2);
  });
});
