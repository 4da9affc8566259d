import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { compileScenario, encodeFaultsParam, runScenario, type FaultSchedule } from "../../sim/api.ts";
import { loadScenario } from "../../sim/cli/load.ts";
import { reportFailure } from "../../sim/cli/sweep/failure.ts";
import { runSeed } from "../../sim/cli/sweep/seed.ts";
import { assertAlive, eventIndex, ready, shoot, text, useApp } from "./fixture.ts";
import { browserForTests, OUT_DIR, ROOT } from "./setup.ts";

const SCENARIOS = join(ROOT, "scenarios");
const builtins = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ file: f, json: JSON.parse(readFileSync(join(SCENARIOS, f), "utf8")) as { name: string } }));

const DUPLICATES: FaultSchedule = [{ kind: "duplicate", from: "*", to: "*", probability: 0.5, at: 0, until: 3000 }];

function traceHashInNode(name: string, seed: number, variant: string, faults: FaultSchedule | undefined): string {
  const b = builtins.find((x) => x.json.name === name)!;
  const scenario = compileScenario(b.json, `scenarios/${b.file}`, (rel) => readFileSync(join(SCENARIOS, rel), "utf8"));
  return runScenario(scenario, { seed, variant, faults }).traceHash;
}

/** Which Math functions the page computes differently from Node (bit for bit), if any. */
async function mathDiffers(page: Page): Promise<string> {
  const xs = Array.from({ length: 2000 }, (_, i) => (i * 0.7919 + 0.0123) % 7);
  const inPage = (await page.evaluate((v) => ({ exp: v.map(Math.exp), log: v.map(Math.log), cos: v.map(Math.cos) }), xs)) as Record<string, number[]>;
  const inNode: Record<string, number[]> = { exp: xs.map(Math.exp), log: xs.map(Math.log), cos: xs.map(Math.cos) };
  return Object.keys(inNode)
    .filter((f) => inNode[f].some((x, i) => !Object.is(x, inPage[f][i])))
    .map((f) => `Math.${f}`)
    .join(", ");
}

const browser = await browserForTests();

const SIDE_TABS = ["about", "invariants", "inspector", "faults", "metrics", "events"];

describe.skipIf(!browser)("browser app", () => {
  const app = useApp(browser!);
  const errors = app.errors;
  const open = (query: string) => app.open(query);

  afterAll(async () => {
    await picker?.close();
  });

  let picker: Page | undefined;

  it.each(builtins.map((b) => b.json.name))("picks built-in scenario %s with its faults, opens every tab, plays it: time advances, tokens are drawn", async (name) => {
    // One page for all of them, switching with the scenario picker (faster than a reload each).
    if (!picker) picker = await open(`?scenario=${name}`);
    else {
      await picker.evaluate(() => (window as any).msgsim.store.set({ banners: [] }));
      const before = await text(picker, "trace-hash");
      await picker.selectOption("[data-testid=scenario-select]", name);
      await picker.waitForFunction((h) => document.querySelector("[data-testid=trace-hash]")?.textContent !== h, before);
      await picker.waitForFunction(() => !document.querySelector("[data-testid=busy]"));
    }
    const page = picker;
    expect(await page.locator("[data-testid=error-banner]").allTextContents()).toEqual([]);
    expect(await page.inputValue("[data-testid=scenario-select]")).toBe(name);
    await page.waitForFunction((n) => new URLSearchParams(location.search).get("scenario") === n, name);
    // Picked from the menu: the scenario's own schedule, and the URL says so.
    const own = builtins.find((b) => b.json.name === name)!.json as { faults?: FaultSchedule };
    expect(new URLSearchParams(await page.evaluate(() => location.search)).get("faults")).toBe(encodeFaultsParam(own.faults ?? []));
    for (const tab of SIDE_TABS) {
      await page.click(`[data-testid=tab-${tab}]`);
      await assertAlive(page, errors, `${name}: tab ${tab}`);
    }
    await page.click("[data-testid=tab-invariants]");
    const t0 = await text(page, "virtual-time");
    await page.click("[data-testid=play-toggle]");
    await page.waitForFunction(() => Number(document.querySelector("[data-testid=tokens-drawn]")?.getAttribute("data-count")) > 0, null, { timeout: 15_000 });
    await page.click("[data-testid=play-toggle]");
    expect(await text(page, "virtual-time")).not.toBe(t0);
    expect(await eventIndex(page)).toBeGreaterThan(0);
    await assertAlive(page, errors, `${name}: play`);
    // With the scenario's own faults, its first bug variant breaks what it names; Jump goes there.
    if ((own.faults ?? []).length > 0) {
      const variant = await page.evaluate(() => (window as any).msgsim.state.scenario.guide.variants[0] as { name: string; caughtBy: string[] } | undefined);
      if (variant) {
        const hash = await text(page, "trace-hash");
        await page.selectOption("[data-testid=variant-select]", variant.name);
        await page.waitForFunction((h) => document.querySelector("[data-testid=trace-hash]")?.textContent !== h, hash);
        await ready(page);
        const card = variant.caughtBy.map((i) => `[data-testid=invariant-${i}]:has([data-testid=jump-violation])`).join(", ");
        await page.locator(card).first().locator("[data-testid=jump-violation]").first().click();
        await page.waitForSelector(`[data-promised=true][data-status=broken]`);
        await assertAlive(page, errors, `${name}: ${variant.name} jumped to its violation`);
        await shoot(page, `broken-${name}`);
      }
    }
  });

  it("crashes a node clicked on the diagram and shows it crashed", async () => {
    const page = await open("?scenario=demo&seed=1&faults=W10&t=40");
    await page.waitForFunction(() => (window as any).msgsimProbe?.nodeCenter("message-queue-1"));
    await page.waitForTimeout(300);
    const at = await page.evaluate(() => (window as any).msgsimProbe.nodeCenter("message-queue-1"));
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector("[data-testid=target-menu]");
    await page.click("[data-testid=menu-crash]");
    await page.waitForSelector("[data-testid=node-state-message-queue-1][data-state=crashed]", { timeout: 20_000 });
    expect(await page.locator("[data-testid=fault-entry]").count()).toBe(0); // the Faults tab is not open
    await page.click("[data-testid=tab-faults]");
    expect(await text(page, "fault-list")).toContain("crash message-queue-1");
    await page.click("[data-testid=tab-inspector]");
    await page.selectOption("[data-testid=inspect-select]", "message-queue-1");
    await page.waitForSelector("[data-testid=inspector-status]:has-text('crashed')");
    await shoot(page, "crash-message-queue");
    await page.close();
  });

  it("shows a violation of a bug variant and jumps to the event that broke it", async () => {
    const page = await open(`?scenario=demo&seed=1&variant=no-client-dedup&faults=${encodeFaultsParam(DUPLICATES)}`);
    const inv = page.locator("[data-testid=invariant-no-duplicate-display]");
    expect(await inv.getAttribute("data-status")).toBe("ok");
    const jump = page.locator("[data-testid=jump-violation]").first();
    const target = Number(await jump.getAttribute("data-event"));
    await jump.click();
    await page.waitForFunction((t) => document.querySelector("[data-testid=event-index]")?.textContent?.trim() === String(t), target);
    expect(await inv.getAttribute("data-status")).toBe("broken");
    expect(await page.locator("[data-testid=marker-violation]").count()).toBeGreaterThan(0);
    await shoot(page, "violation-no-client-dedup");
    await page.keyboard.press("ArrowLeft");
    await page.waitForFunction((t) => document.querySelector("[data-testid=event-index]")?.textContent?.trim() === String(t - 1), target);
    expect(await inv.getAttribute("data-status")).toBe("ok");
    await page.close();
  });

  it("shows what a stage does not promise apart, with its own Jump", async () => {
    const sc = loadScenario("chat-websocket");
    const faults = runScenario(sc, { seed: 1, generate: true }).faults;
    const page = await open(`?scenario=chat-websocket&seed=1&faults=${encodeFaultsParam(faults)}`);
    const inv = page.locator("[data-testid=invariant-offline-notified]");
    expect(await inv.getAttribute("data-promised")).toBe("false");
    expect(await page.locator("[data-promised=true][data-status=ok]").count()).toBe(5);
    const jump = inv.locator("[data-testid=jump-violation]").first();
    const target = Number(await jump.getAttribute("data-event"));
    await jump.click();
    await page.waitForFunction((t) => document.querySelector("[data-testid=event-index]")?.textContent?.trim() === String(t), target);
    expect(await inv.getAttribute("data-status")).toBe("broken");
    await shoot(page, "not-promised");
    await page.close();
  });

  it("scrubs by dragging the timeline in virtual time, twice; hovering afterwards does not seek", async () => {
    const page = await open("?scenario=demo&seed=2&faults=W10");
    const bar = page.locator("[data-testid=timeline]");
    const box = (await bar.boundingBox())!;
    const y = box.y + box.height / 2;
    const end = Number(await bar.getAttribute("aria-valuemax"));
    const clockNear = (want: number) =>
      page.waitForFunction((w) => Math.abs(Number(document.querySelector("[data-testid=timeline]")?.getAttribute("aria-valuenow")) - w) <= 0.02 * w + 2, want);
    for (const [from, to] of [
      [0.2, 0.7],
      [0.6, 0.3],
    ]) {
      await page.mouse.move(box.x + box.width * from, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * ((from + to) / 2), y, { steps: 5 });
      await page.mouse.move(box.x + box.width * to, y, { steps: 5 });
      await page.mouse.up();
      await clockNear(end * to);
    }
    // Released: moving over the bar must not seek.
    await page.mouse.move(box.x + box.width * 0.9, y, { steps: 4 });
    await page.waitForTimeout(300);
    await clockNear(end * 0.3);
    await page.mouse.click(box.x + box.width * 0.1, y);
    await clockNear(end * 0.1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reproduces a shared link: same trace hash as the Node run, at event t", async () => {
    const seed = 7;
    const query = `?scenario=demo&seed=${seed}&variant=no-client-dedup&faults=${encodeFaultsParam(DUPLICATES)}&t=123`;
    const expected = traceHashInNode("demo", seed, "no-client-dedup", DUPLICATES);
    const page = await open(query);
    const shown = await text(page, "trace-hash");
    expect(await eventIndex(page)).toBe(123);
    // The same link opened again gives the same run.
    const again = await open(query);
    expect(await text(again, "trace-hash")).toBe(shown);
    await again.close();
    if (shown !== expected) {
      const engines = await mathDiffers(page);
      expect.fail(
        `the page's trace hash ${shown} differs from Node's ${expected}` +
          (engines ? `; Chromium and Node disagree on ${engines} in the last bit, and sim/ draws with them (sim/kernel/rng.ts, dist.ts): it needs engine-independent math` : ""),
      );
    }
    expect(await page.locator("[data-testid=error-banner]").count()).toBe(0);
    // The address bar keeps the state.
    await page.click("[data-testid=step-forward]");
    await page.waitForFunction(() => new URLSearchParams(location.search).get("t") === "124");
    const search = new URLSearchParams(await page.evaluate(() => location.search));
    expect(search.get("seed")).toBe(String(seed));
    expect(search.get("variant")).toBe("no-client-dedup");
    await page.close();
  });

  it("opens a failing sweep's shrunk case at its violation, with the replay file's trace hash", async () => {
    const scenario = loadScenario("demo");
    const job = { scenario: "demo", variant: "no-retry" };
    let outcome;
    for (let seed = 1; !outcome; seed++) {
      const o = runSeed(scenario, job, seed);
      if (o.failures.length > 0) outcome = o;
    }
    const report = reportFailure(scenario, "demo", job, outcome, { appUrl: "http://app.invalid/", outDir: join(OUT_DIR, "replays"), shrink: true });
    const replay = JSON.parse(readFileSync(report.replayFile, "utf8"));
    const page = await open(new URL(report.url).search);
    expect(await eventIndex(page)).toBe(report.event);
    expect(await text(page, "trace-hash")).toBe(replay.expect.traceHash);
    expect(await page.locator(`[data-testid=invariant-${report.invariant}]`).getAttribute("data-status")).toBe("broken");
    expect(await page.locator("[data-testid=error-banner]").count()).toBe(0);
    await shoot(page, "sweep-failure-link");
    await page.close();
  });

  it("names every bad URL parameter in a banner and still works", async () => {
    const page = await open("?scenario=no-such-thing&seed=abc&variant=nope&faults=%21%21&t=soon&at=later");
    const banners = (await page.locator("[data-testid=error-banner]").allTextContents()).join("\n");
    for (const p of ["scenario", "seed", "variant", "faults", "t", "at"]) expect(banners).toContain(`URL parameter ${p}`);
    expect(await page.inputValue("[data-testid=scenario-select]")).toBe(builtins.some((b) => b.json.name === "demo") ? "demo" : builtins[0].json.name);
    expect(await text(page, "trace-hash")).toMatch(/^[0-9a-f]{16}$/);
    const before = await eventIndex(page);
    await page.click("[data-testid=step-forward]");
    await page.waitForFunction((i) => document.querySelector("[data-testid=event-index]")?.textContent?.trim() === String(i + 1), before);
    await page.close();
  });

  it("draws random faults on the timeline and the graph view", async () => {
    const page = await open("?scenario=demo&seed=3&faults=W10");
    const before = await text(page, "trace-hash");
    await page.click("[data-testid=random-faults]");
    await page.waitForFunction((h) => document.querySelector("[data-testid=trace-hash]")?.textContent !== h, before);
    expect(await page.locator("[data-testid=marker-fault]").count()).toBeGreaterThan(0);
    await page.waitForFunction(() => new URLSearchParams(location.search).get("faults") !== "W10");
    // A second draw adds to the schedule; undo takes it back.
    const faultsParam = async () => new URLSearchParams(await page.evaluate(() => location.search)).get("faults");
    await page.waitForFunction(() => !document.querySelector("[data-testid=busy]"));
    const once = await page.evaluate(() => (window as any).msgsim.state.faults.length);
    const afterOne = await text(page, "trace-hash");
    await page.click("[data-testid=random-faults]");
    await page.waitForFunction((h) => document.querySelector("[data-testid=trace-hash]")?.textContent !== h, afterOne);
    expect(await page.evaluate(() => (window as any).msgsim.state.faults.length)).toBeGreaterThan(once);
    await page.keyboard.press("Control+z");
    await page.waitForFunction((h) => document.querySelector("[data-testid=trace-hash]")?.textContent === h, afterOne);
    expect(await page.evaluate(() => (window as any).msgsim.state.faults.length)).toBe(once);
    await page.waitForFunction(() => !document.querySelector("[data-testid=busy]"));
    expect(await faultsParam()).not.toBe("W10");
    await page.click("[data-testid=view-tab-graph]");
    await page.waitForSelector("[data-testid=graph-view] .react-flow__node");
    expect(await page.locator("[data-testid=graph-view] .react-flow__node").count()).toBeGreaterThan(2);
    await page.click("[data-testid=tab-metrics]");
    await page.waitForSelector("[data-testid=metrics] svg");
    await page.screenshot({ path: join(OUT_DIR, "graph-and-metrics.png") });
    await page.close();
  });

  it("opens your own diagram and lets you choose its design", async () => {
    const page = await open("?scenario=demo&seed=1");
    await page.setInputFiles("[data-testid=file-input]", join(ROOT, "diagrams/001_a6b0c46ad62bd8ac.txt"));
    await page.waitForSelector("[data-testid=design-select]");
    await page.waitForFunction(() => !document.querySelector("[data-testid=busy]"));
    // The address no longer names a built-in scenario: a reload does not open the demo instead.
    await page.waitForFunction(() => location.search === "");
    const first = await text(page, "trace-hash");
    const options = await page.locator("[data-testid=design-select] option").count();
    expect(options).toBeGreaterThan(1);
    await page.selectOption("[data-testid=design-select]", "1");
    await page.waitForFunction((h) => document.querySelector("[data-testid=trace-hash]")?.textContent !== h, first);
    await page.waitForFunction(() => !document.querySelector("[data-testid=busy]"));
    // The design select keeps the focus (Space would open it): play with the button.
    await page.click("[data-testid=play-toggle]");
    await page.waitForFunction(() => document.querySelector("[data-testid=play-toggle]")?.getAttribute("data-playing") === "true");
    await page.click("[data-testid=play-toggle]");
    await shoot(page, "own-diagram-001-design-1");
    // A file that is not a diagram: a banner, and the app keeps its run.
    await page.setInputFiles("[data-testid=file-input]", { name: "broken.excalidraw", mimeType: "application/json", buffer: Buffer.from('{"type":"excalidraw","elements":[{"id":1}]}') });
    await page.waitForSelector("[data-testid=error-banner]");
    expect(await text(page, "trace-hash")).toMatch(/^[0-9a-f]{16}$/);
    await page.close();
  });

  it("raised no uncaught page errors", () => {
    expect(errors).toEqual([]);
  });
});
