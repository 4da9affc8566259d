import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { encodeFaultsParam } from "../../sim/api.ts";
import { KEYS } from "../../src/app/keyboard.ts";
import { EDGE_ACTIONS, NODE_ACTIONS } from "../../src/faults/clickFaults.ts";
import { STEP_UNITS } from "../../src/app/stepping.ts";
import { assertAlive, eventIndex, text, useApp } from "./fixture.ts";
import { browserForTests, ROOT } from "./setup.ts";

const browser = await browserForTests();

/** The keys pressed for each binding the app lists (a new binding without presses here fails the test). */
const PRESSES: Record<string, string[]> = {
  Space: [" ", " "],
  "← →": ["ArrowRight", "ArrowLeft"],
  ...Object.fromEntries(STEP_UNITS.map((u) => [`${u.key} / Shift+${u.key.toUpperCase()}`, [u.key, `Shift+${u.key.toUpperCase()}`]])),
  "Home End": ["End", "Home"],
  "- +": ["-", "+"],
  p: ["p", "p"],
  s: ["s", "s"],
  b: ["b", "b"],
  "Ctrl+Z / Ctrl+Shift+Z": ["Control+z", "Control+Shift+z"],
  Esc: ["Escape"],
  "?": ["?", "Escape"],
};

/** Each with a workload small enough that the many re-runs a click-through forks stay quick (the UI is what is tested). */
const DEEP = [
  ["demo", ""],
  ["log-ctp", ""],
  ["chat-stateful", "&messages=60"],
];

/** A node that does something in this design and an arrow whose middle is clear of every box, on screen. */
async function targets(page: Page): Promise<{ node: { x: number; y: number }; edge: { x: number; y: number } }> {
  await page.click("[data-testid=fit-view]");
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const w = window as any;
    const sc = w.msgsim.state.scenario;
    const idle = new Set(sc.guide.idle);
    const boxes = sc.compiled.topology.nodes.map((n: any) => n.box);
    const inside = (p: { x: number; y: number }, pad: number) => boxes.some((b: any) => p.x > b.x - pad && p.y > b.y - pad && p.x < b.x + b.width + pad && p.y < b.y + b.height + pad);
    const roles = ["gateway", "api-server", "message-queue", "broker", "coordinator", "store"];
    const nodes = [...sc.compiled.topology.nodes].filter((n: any) => !idle.has(n.id) && n.role !== "client");
    nodes.sort((a: any, b: any) => (roles.indexOf(a.role) + 99) % 99 - (roles.indexOf(b.role) + 99) % 99);
    const node = w.msgsimProbe.nodeCenter(nodes[0].id);
    const edge = sc.compiled.topology.edges.find((e: any) => {
      const pts = e.points;
      const mid = { x: (pts[0].x + pts[pts.length - 1].x) / 2, y: (pts[0].y + pts[pts.length - 1].y) / 2 };
      return pts.length === 2 && !inside(mid, 12) && Math.hypot(pts[1].x - pts[0].x, pts[1].y - pts[0].y) > 60;
    });
    return { node, edge: w.msgsimProbe.edgeMidpoint(edge.id) };
  });
}

describe.skipIf(!browser)("clicking everything", () => {
  const app = useApp(browser!);

  it("covers every key binding the app lists", () => {
    for (const k of KEYS) expect(PRESSES[k.keys], `no presses for the binding "${k.keys}"`).toBeDefined();
  });

  it.each(DEEP)("%s: every tab, view, button, key, node-menu and link-menu item, two timeline drags; the page stays alive", async (name, extra) => {
    const page = await app.open(`?scenario=${name}${extra}`);
    const act = async (what: string, fn: () => Promise<unknown>) => {
      await fn();
      await assertAlive(page, app.errors, `${name}: ${what}`);
    };
    const click = (id: string) => act(`click ${id}`, () => page.click(`[data-testid=${id}]`));

    for (const tab of ["about", "invariants", "inspector", "faults", "metrics", "events"]) await click(`tab-${tab}`);
    await click("view-tab-graph");
    await click("view-tab-diagram");
    await click("tab-inspector");
    const node = await page.evaluate(() => {
      const sc = (window as any).msgsim.state.scenario;
      return sc.compiled.topology.nodes.find((n: any) => !sc.guide.idle.includes(n.id) && n.role !== "client")?.id;
    });
    await act("pick a node to inspect", () => page.selectOption("[data-testid=inspect-select]", node));

    const where = () => page.evaluate((id) => (window as any).msgsimProbe.nodeCenter(id), node);
    const before = await where();
    await click("play-toggle");
    await page.waitForTimeout(1000);
    // Playing grows the legend (it may wrap) and resizes the pane: the camera stays where the user left it.
    expect(await where()).toEqual(before);
    // Views opened during playback load and draw (a Suspense retry used to starve under per-frame updates).
    await click("view-tab-graph");
    await page.waitForSelector("[data-testid=graph-view] .react-flow__node", { timeout: 15_000 });
    await click("view-tab-diagram");
    await page.waitForSelector(".excalidraw canvas", { timeout: 15_000 });
    await click("play-toggle");
    for (const u of STEP_UNITS) {
      await click(`step-unit-${u.unit}`);
      await click("step-forward");
      await click("step-back");
    }
    await act("choose a speed", () => page.selectOption("[data-testid=speed-select]", "20"));
    await click("big-tokens");
    await click("big-tokens");
    await click("fit-view");
    await click("random-faults");
    await click("undo-faults");
    await click("copy-link");
    await click("toggle-sidebar");
    await click("toggle-sidebar");
    await click("toggle-presenting");
    await click("toggle-presenting");
    await click("keys-help-button");
    await click("close-keys-help");

    await click("tab-about");
    const variant = await page.evaluate(() => (window as any).msgsim.state.scenario.guide.variants[0]?.name);
    if (variant) {
      await click(`about-try-${variant}`);
      await click("about-correct-design");
    }
    await click("about-to-invariants");
    if ((await page.locator("[data-testid=jump-violation]").count()) > 0) await act("Jump", () => page.locator("[data-testid=jump-violation]").first().click());

    // Every kind of node-menu item, then every kind of link-menu item.
    // Only Fit moves the camera, so the targets found once stay where they are.
    const on = await targets(page);
    for (const a of NODE_ACTIONS) {
      await act(`open a node menu`, () => page.mouse.click(on.node.x, on.node.y));
      await act(`node menu: ${a.action}`, () => page.click(`[data-testid=menu-${a.action}]`));
    }
    for (const a of EDGE_ACTIONS) {
      await act(`open a link menu`, () => page.mouse.click(on.edge.x, on.edge.y));
      await act(`link menu: ${a.action}`, () => page.click(`[data-testid=menu-${a.action}]`));
    }

    await click("tab-faults");
    await click("add-fault");
    await click("save-fault");
    await click("edit-fault");
    await act("cancel an edit", () => page.getByRole("button", { name: "Cancel" }).click());
    await click("delete-fault");
    await click("clear-faults");
    await click("undo-faults");

    for (const k of KEYS) for (const key of PRESSES[k.keys]) await act(`key ${key}`, () => page.keyboard.press(key));

    // Two drags of the timeline, each one followed all the way.
    const bar = page.locator("[data-testid=timeline]");
    const box = (await bar.boundingBox())!;
    const end = Number(await bar.getAttribute("aria-valuemax"));
    const y = box.y + box.height / 2;
    for (const [from, to] of [
      [0.15, 0.6],
      [0.7, 0.25],
    ]) {
      await act(`drag the timeline to ${to}`, async () => {
        await page.mouse.move(box.x + box.width * from, y);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width * to, y, { steps: 8 });
        await page.mouse.up();
        await page.waitForFunction((w) => Math.abs(Number(document.querySelector("[data-testid=timeline]")?.getAttribute("aria-valuenow")) - w) <= 0.02 * w + 2, end * to);
      });
    }
    expect(await eventIndex(page)).toBeGreaterThan(0);
    await page.close();
  });

  it("contains a failing panel: its error shows there, the rest keeps working", async () => {
    const page = await app.open("?scenario=demo&faults=W10");
    await page.click("[data-testid=tab-metrics]");
    await page.waitForSelector("[data-testid=metrics]");
    // Break the data only the Metrics tab reads: it fails; nothing else may.
    await page.evaluate(() => {
      const c = (window as any).msgsim;
      c.store.set({ run: { ...c.state.run, result: { ...c.state.run.result, series: null } } });
    });
    await page.waitForSelector(".side-panel [data-testid=panel-error]");
    expect(await page.locator("[data-testid=panel-error]").count()).toBe(1);
    expect(await page.locator("[data-testid=panel-error]").textContent()).toContain("The Metrics tab failed");
    await page.click("[data-testid=play-toggle]");
    await page.waitForFunction(() => Number(document.querySelector("[data-testid=tokens-drawn]")?.getAttribute("data-count")) > 0);
    await page.click("[data-testid=play-toggle]");
    await page.click("[data-testid=tab-invariants]");
    expect(await page.locator("[data-testid=panel-error]").count()).toBe(0);
    await page.waitForSelector("[data-testid=trace-hash]");
    expect(app.errors).toEqual([]);
    await page.close();
  });

  it("opens at the URL's at= (ms), shows both t and at, and says when t is past the end", async () => {
    const page = await app.open("?scenario=demo&seed=1&faults=W10&at=1500");
    expect(await text(page, "virtual-time")).toBe("1.500 s");
    const t = await eventIndex(page);
    expect(t).toBeGreaterThan(0);
    await page.waitForFunction((i) => new URLSearchParams(location.search).get("t") === String(i), t);
    const late = await app.open("?scenario=demo&seed=1&faults=W10&t=99999999");
    expect((await late.locator("[data-testid=error-banner]").allTextContents()).join()).toContain("past the end");
    // At the end, and only there, a clean invariant "held for the whole run"; at the start it has not been tested.
    const verdicts = async (p: Page) => (await p.locator("[data-testid=invariant-no-duplicate-display] [data-testid=verdict]").textContent()) ?? "";
    expect(await verdicts(late)).toContain("held for the whole run");
    await late.keyboard.press("Home");
    await late.waitForFunction(() => document.querySelector("[data-testid=event-index]")?.textContent === "-1");
    expect(await verdicts(late)).not.toContain("whole run");
    await late.close();
    await page.close();
  });

  const demoFaults = (JSON.parse(readFileSync(join(ROOT, "scenarios/demo.json"), "utf8")) as { faults?: unknown[] }).faults ?? [];

  it.skipIf(demoFaults.length === 0)("opens an older link (seed, no faults) with no faults, and a banner offers the scenario's", async () => {
    const page = await app.open("?scenario=demo&seed=1");
    expect(await page.evaluate(() => (window as any).msgsim.state.faults.length)).toBe(0);
    await page.waitForFunction(() => new URLSearchParams(location.search).get("faults") === "W10");
    await page.click("[data-testid=use-scenario-faults]");
    await page.waitForFunction((n) => (window as any).msgsim.state.faults.length === n && !document.querySelector("[data-testid=busy]"), demoFaults.length);
    await page.waitForFunction(() => new URLSearchParams(location.search).get("faults") !== "W10");
    expect(app.errors).toEqual([]);
    await page.close();
  });

  it("steps by delivery, by fault and by violation to events of that kind", async () => {
    const dup = encodeFaultsParam([
      { kind: "duplicate", from: "*", to: "*", probability: 0.5, at: 200, until: 3000 },
      { kind: "crash", node: "message-queue-1", at: 1000, until: 1400 },
    ]);
    const page = await app.open(`?scenario=demo&seed=1&variant=no-client-dedup&faults=${dup}&t=100`);
    const at = (i: number) => page.waitForFunction((want) => document.querySelector("[data-testid=event-index]")?.textContent === String(want), i);
    await page.keyboard.press("d");
    await page.waitForFunction(() => Number(document.querySelector("[data-testid=event-index]")?.textContent) > 100);
    await page.click("[data-testid=tab-events]");
    await page.waitForSelector("[data-testid=events-table] tbody tr");
    expect(await page.locator("[data-testid=events-table] tbody tr").last().locator("td").nth(2).textContent()).toBe("deliver");
    const marks = await page.evaluate(() => (window as any).msgsim.state.run.markers as { kind: string; event: number }[]);
    const first = (kinds: string[]) => marks.find((m) => kinds.includes(m.kind))!.event;
    await page.keyboard.press("Home");
    await at(-1);
    await page.keyboard.press("f");
    await at(first(["fault", "heal", "restart"]));
    await page.keyboard.press("Home");
    await at(-1);
    await page.keyboard.press("v");
    await at(first(["violation"]));
    await page.click("[data-testid=tab-invariants]");
    expect(await page.locator("[data-testid=invariant-no-duplicate-display]").getAttribute("data-status")).toBe("broken");
    // The arrows now step by violation.
    await page.keyboard.press("ArrowLeft");
    await page.waitForSelector("[data-testid=notice]");
    expect(app.errors).toEqual([]);
    await page.close();
  });
});
