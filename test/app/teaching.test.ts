import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Session } from "../../sim/api.ts";
import { loadScenario } from "../../sim/cli/load.ts";
import { BUSY_WALL_S, defaultSpeed, SPEEDS } from "../../src/app/state.ts";
import { teachingGroups } from "../../src/scenario/teachingPath.ts";
import { formatUrl, parseUrl } from "../../src/url/params.ts";

const DIR = join(import.meta.dirname, "../../scenarios");
const files = readdirSync(DIR).filter((f) => f.endsWith(".json"));
const entries = files.map((f) => {
  const json = JSON.parse(readFileSync(join(DIR, f), "utf8")) as { name: string; title?: string };
  return { name: json.name, title: json.title ?? json.name, path: `/scenarios/${f}`, json };
});

describe("the scenario picker follows the teaching path", () => {
  it("lists every built-in scenario once, demo first, the log, then the chat stages 1 to 5 in order", () => {
    const groups = teachingGroups(entries);
    const order = groups.flatMap((g) => g.entries.map((e) => e.name));
    expect([...order].sort()).toEqual(entries.map((e) => e.name).sort());
    expect(order[0]).toBe("demo");
    const stage = (n: number) => order.findIndex((name) => entries.find((e) => e.name === name)!.title.startsWith(`Chat stage ${n}:`));
    const stages = [1, 2, 3, 4, 5].map(stage);
    expect(stages.every((i) => i > 0)).toBe(true);
    expect([...stages].sort((a, b) => a - b)).toEqual(stages);
    const firstLog = order.findIndex((n) => n.startsWith("log-"));
    expect(firstLog).toBeLessThan(stages[0]);
    expect(groups.map((g) => g.group)).not.toContain("More");
  });
});

describe("the default speed", () => {
  it("steps by at most 2x, so one speed plays any busy window in 20 to 40 s", () => {
    for (let i = 1; i < SPEEDS.length; i++) expect(SPEEDS[i] / SPEEDS[i - 1]).toBeLessThanOrEqual(2);
  });

  it.each(entries.map((e) => e.name))("plays the busy part of %s (seed 1, its own faults) in 20 to 40 s of wall time", (name) => {
    const sc = loadScenario(name);
    const s = new Session(sc, { seed: 1, faults: sc.file.faults ?? [] });
    const busy = s.busy!;
    const wall = (busy.toMs - busy.fromMs) / defaultSpeed(busy.toMs - busy.fromMs);
    expect(wall).toBeGreaterThanOrEqual(20);
    expect(wall).toBeLessThanOrEqual(40);
    expect(Math.abs(wall - BUSY_WALL_S)).toBeLessThan(BUSY_WALL_S);
  });
});

describe("the URL", () => {
  it("always carries faults (W10 for none) and reads at= as a time in ms", () => {
    expect(formatUrl({ scenario: "demo", seed: 1, variant: "", faults: [], messages: null, t: 3 })).toBe("?scenario=demo&seed=1&faults=W10&t=3");
    expect(parseUrl("?scenario=demo&at=1250.5").at).toBe(1250.5);
    expect(parseUrl("?at=soon").problems[0].where).toBe("URL parameter at");
  });
});
