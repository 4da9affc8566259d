import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { findChromium } from "../test/browser/findChromium.ts";
import { launch, ROOT, serve } from "../test/browser/setup.ts";
import { GOAL_SEEK_P95_MS, loadNote, percentile, SEEK_HEADER, SEEK_RUN, seekIndices, seekRow, seekStats, SEEKS } from "./session.ts";
import { formatTable, goal, num } from "./table.ts";

const GOAL_FPS = 50;
const GOAL_TOKENS = 1_000;
const GOAL_FIRST_PAINT_MS = 1_500;
/** Page loads for the first-paint figures (the first one with an empty profile). */
const LOADS = 5;
/** Wall time over which frames are counted. */
const FPS_WINDOW_MS = 5_000;
/** MSGSIM_BENCH_PROFILE=file.cpuprofile: build unminified and save a CPU profile of the page's main thread during the frames window. */
const PROFILE = process.env.MSGSIM_BENCH_PROFILE;

const DEMO_JSON = JSON.parse(readFileSync(join(ROOT, "scenarios/demo.json"), "utf8")) as {
  diagram: { file: string };
  generator: Record<string, unknown>;
  capacity: Record<string, unknown>;
  network: Record<string, unknown>;
  workload: Record<string, unknown>;
};
const DIAGRAM_PATH = resolve(ROOT, "scenarios", DEMO_JSON.diagram.file);

/**
 * The demo's diagram with a crowded wire: 300 messages/s, ~1 s per hop and
 * servers that keep up, so about 1,300 messages are in flight from ~4 s to
 * ~14 s of virtual time. Loaded through the app's own-diagram path (a
 * "custom" source with scenario fields replacing the defaults).
 */
const CROWD = {
  workload: { users: 20, messages: 4_200, ratePerSec: 300, connectChurn: 0, retryMs: 30_000 },
  capacity: { default: { serviceMs: { dist: "exp", mean: 1, min: 0.2 }, concurrency: 16, queueLimit: 5_000 } },
  network: { latencyMs: { dist: "uniform", min: 800, max: 1_200 }, connBreakDetectMs: 300 },
  generator: { ...DEMO_JSON.generator, safetyMs: 16_000, healMs: 2_000 },
};

/** The Node seek run's workload, in the page: the demo's fields with 80,000 messages at 2,000/s until 60 s. */
const MILLION = {
  workload: { ...DEMO_JSON.workload, messages: SEEK_RUN.messages, ratePerSec: SEEK_RUN.ratePerSec },
  capacity: DEMO_JSON.capacity,
  network: DEMO_JSON.network,
  generator: { ...DEMO_JSON.generator, safetyMs: SEEK_RUN.untilMs },
};

function dirBytes(dir: string, filter: (name: string) => boolean): number {
  let total = 0;
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, f);
    if (statSync(p).isFile() && filter(f)) total += statSync(p).size;
  }
  return total;
}

async function buildInto(outDir: string): Promise<void> {
  const { build } = await import("vite");
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ root: ROOT, mode: "production", configFile: join(ROOT, "vite.config.ts"), logLevel: "error", build: { outDir, emptyOutDir: true, ...(PROFILE ? { minify: false } : {}) } });
  } finally {
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
}

/** Records, from navigation start, when the Excalidraw canvas appears, when fonts are ready after it, and when the run is shown. */
function paintProbe(): void {
  const b = { canvas: -1, fonts: -1, ready: -1 };
  (window as unknown as { __bench: typeof b }).__bench = b;
  const poll = (): void => {
    if (b.canvas < 0 && document.querySelector(".excalidraw canvas")) {
      b.canvas = performance.now();
      // Two frames for Excalidraw's mount effects to ask for its fonts, then wait for them.
      requestAnimationFrame(() => requestAnimationFrame(() => void document.fonts.ready.then(() => (b.fonts = performance.now()))));
    }
    if (b.ready < 0 && document.querySelector("[data-testid=trace-hash]") && !document.querySelector("[data-testid=busy]")) b.ready = performance.now();
    if (b.canvas < 0 || b.ready < 0) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

interface LoadTimes {
  fp: number;
  fcp: number;
  canvas: number;
  fonts: number;
  ready: number;
  jsBeforeFcp: number;
  jsTotal: number;
  fontFiles: number;
}

async function firstPaint(context: BrowserContext, url: string): Promise<LoadTimes> {
  const page = await context.newPage();
  try {
    await page.addInitScript(paintProbe);
    await page.goto(`${url}/?scenario=demo&seed=1`);
    await page.waitForFunction(() => {
      const b = (window as unknown as { __bench: { fonts: number; ready: number } }).__bench;
      return b.fonts >= 0 && b.ready >= 0;
    }, null, { timeout: 30_000 });
    return await page.evaluate(() => {
      const b = (window as unknown as { __bench: { canvas: number; fonts: number; ready: number } }).__bench;
      const paint = (name: string) => performance.getEntriesByName(name, "paint")[0]?.startTime ?? NaN;
      const fcp = paint("first-contentful-paint");
      const res = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const js = res.filter((r) => r.name.endsWith(".js"));
      const size = (rs: PerformanceResourceTiming[]) => rs.reduce((a, r) => a + (r.encodedBodySize || 0), 0);
      return {
        fp: paint("first-paint"),
        fcp,
        canvas: b.canvas,
        fonts: b.fonts,
        ready: b.ready,
        jsBeforeFcp: size(js.filter((r) => r.startTime < fcp)),
        jsTotal: size(js),
        fontFiles: res.filter((r) => r.name.includes("/fonts/")).length,
      };
    });
  } finally {
    await page.close();
  }
}

/** Opens the app at the demo and waits until it shows the run and the drawing. */
async function openApp(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${url}/?scenario=demo&seed=1`);
  await page.waitForSelector("[data-testid=trace-hash]", { timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector("[data-testid=busy]"));
  await page.waitForSelector(".excalidraw canvas", { timeout: 30_000 });
  return page;
}

/** Loads the demo's diagram with scenario fields replaced, through window.msgsim; returns the session's build time (ms, in the page) and total events. */
async function loadVariant(page: Page, scenario: Record<string, unknown>, timeout: number): Promise<{ ms: number; total: number; banners: string[] }> {
  const text = readFileSync(DIAGRAM_PATH, "utf8");
  const fileName = DIAGRAM_PATH.replace(/^.*[/\\]/, "");
  page.setDefaultTimeout(timeout);
  const out = await page.evaluate(
    async ({ fileName, text, scenario }) => {
      const c = (window as any).msgsim;
      c.store.set({ banners: [] });
      const t0 = performance.now();
      await c.load({ kind: "custom", fileName, text, design: 0, scenario }, { seed: 1 });
      return { ms: performance.now() - t0, total: c.state.run?.total ?? 0, banners: c.state.banners.map((b: { where: string; message: string }) => `${b.where}: ${b.message}`) };
    },
    { fileName, text, scenario },
  );
  page.setDefaultTimeout(30_000);
  return out;
}

interface FrameSample {
  frames: number[];
  tokens: number[];
  views: number;
  long: number[];
  virtualMs: number;
  wallMs: number;
}

async function countFrames(page: Page, ms: number): Promise<FrameSample> {
  return page.evaluate(async (ms) => {
    const c = (window as any).msgsim;
    const el = document.querySelector("[data-testid=tokens-drawn]")!;
    let views = 0;
    let last = c.state.view;
    const unsubscribe = c.store.subscribe(() => {
      if (c.state.view !== last) {
        views++;
        last = c.state.view;
      }
    });
    const long: number[] = [];
    const po = new PerformanceObserver((l) => long.push(...l.getEntries().map((e) => e.duration)));
    po.observe({ type: "longtask" });
    const frames: number[] = [];
    const tokens: number[] = [];
    const t0 = performance.now();
    const clock0 = c.state.clock;
    await new Promise<void>((done) => {
      const f = (ts: number) => {
        frames.push(ts);
        tokens.push(Number(el.getAttribute("data-count")));
        if (performance.now() - t0 < ms) requestAnimationFrame(f);
        else done();
      };
      requestAnimationFrame(f);
    });
    po.disconnect();
    unsubscribe();
    return { frames, tokens, views, long, virtualMs: c.state.clock - clock0, wallMs: performance.now() - t0 };
  }, ms);
}

/** Main-thread time of the page from Chromium's own counters (seconds, cumulative). */
async function mainThreadMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(metrics.map((m: { name: string; value: number }) => [m.name, m.value]));
}

async function framesBar(context: BrowserContext, url: string, errors: string[]): Promise<void> {
  console.log(
    `\nBar 1 — frames/s with >= ${num(GOAL_TOKENS)} tokens in flight: the demo's diagram at ${CROWD.workload.ratePerSec} messages/s, ` +
      `latency uniform ${CROWD.network.latencyMs.min}-${num(CROWD.network.latencyMs.max)} ms per hop, played at 1 virtual ms per ms; ` +
      `frames counted with requestAnimationFrame over ${FPS_WINDOW_MS / 1000} s once the legend shows >= ${num(GOAL_TOKENS)} tokens drawn.`,
  );
  const page = await openApp(context, url, errors);
  try {
    const opened = await loadVariant(page, CROWD, 60_000);
    if (opened.banners.length > 0) console.log(`  banners: ${opened.banners.join(" | ")}`);
    await page.waitForSelector(".excalidraw canvas", { timeout: 30_000 });
    await page.waitForFunction(() => (window as any).msgsimProbe?.nodeCenter((window as any).msgsim.state.scenario.compiled.topology.nodes[0].id));
    console.log(`  session built in the worker in ${num(opened.ms / 1000, 2)} s (${num(opened.total)} trace events)`);
    const idle = await countFrames(page, 1_500);
    const idleFps = ((idle.frames.length - 1) / (idle.frames[idle.frames.length - 1] - idle.frames[0])) * 1000;
    await page.evaluate(() => {
      const c = (window as any).msgsim;
      c.setSpeed(1);
      c.play();
    });
    const reached = await page
      .waitForFunction((n) => Number(document.querySelector("[data-testid=tokens-drawn]")?.getAttribute("data-count")) >= n, GOAL_TOKENS, { timeout: 30_000 })
      .then(() => true)
      .catch(() => false);
    if (!reached) console.log(`  WARNING: the legend never showed ${num(GOAL_TOKENS)} tokens drawn; measuring anyway`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    if (PROFILE) await cdp.send("Profiler.enable").then(() => cdp.send("Profiler.start"));
    const m0 = await mainThreadMetrics(cdp);
    const s = await countFrames(page, FPS_WINDOW_MS);
    const m1 = await mainThreadMetrics(cdp);
    if (PROFILE) {
      const { profile } = await cdp.send("Profiler.stop");
      writeFileSync(PROFILE, JSON.stringify(profile));
      console.log(`  wrote the main thread's CPU profile of the frames window to ${PROFILE}`);
    }
    await cdp.detach();
    const playing = await page.evaluate(() => (window as any).msgsim.state.playing);
    // Diagnostic: the same playback with the overlay canvas hidden (the painter still runs, on a 0x0 canvas).
    await page.evaluate(() => ((document.querySelector("[data-testid=overlay]") as HTMLElement).style.display = "none"));
    const hidden = await countFrames(page, 2_000);
    await page.evaluate(() => ((document.querySelector("[data-testid=overlay]") as HTMLElement).style.display = ""));
    const hiddenFps = ((hidden.frames.length - 1) / (hidden.frames[hidden.frames.length - 1] - hidden.frames[0])) * 1000;
    await page.evaluate(() => (window as any).msgsim.pause());

    const n = s.frames.length - 1;
    const span = s.frames[n] - s.frames[0];
    const fps = (n / span) * 1000;
    const gaps = s.frames.slice(1).map((t, i) => t - s.frames[i]).sort((a, b) => a - b);
    const tok = [...s.tokens].sort((a, b) => a - b);
    const meanTok = s.tokens.reduce((a, b) => a + b, 0) / s.tokens.length;
    const per = (k: string) => ((m1[k] - m0[k]) * 1000) / n;
    const longSum = s.long.reduce((a, b) => a + b, 0);
    const rows = [
      ["frames/s (requestAnimationFrame)", num(fps, 1)],
      ["frames/s before play (same page, idle)", num(idleFps, 1)],
      ["frame interval p50 / p95 / max ms", `${num(percentile(gaps, 50), 1)} / ${num(percentile(gaps, 95), 1)} / ${num(gaps[gaps.length - 1], 1)}`],
      ["tokens drawn min / mean / max", `${num(tok[0])} / ${num(meanTok)} / ${num(tok[tok.length - 1])}`],
      ["views from the worker /s", num((s.views / s.wallMs) * 1000, 1)],
      ["virtual ms played", `${num(s.virtualMs)} in ${num(s.wallMs)} ms wall${playing ? "" : " (playback had stopped)"}`],
      ["frames/s, overlay canvas hidden (diag.)", num(hiddenFps, 1)],
      ["main thread: script ms/frame", num(per("ScriptDuration"), 2)],
      ["main thread: style+layout ms/frame", num(per("RecalcStyleDuration") + per("LayoutDuration"), 2)],
      ["main thread: in tasks ms/frame (wall)", num(per("TaskDuration"), 2)],
      ["main thread: cpu ms/frame", num(per("ThreadTime"), 2)],
      ["renderer process: cpu ms/frame", num(per("ProcessTime"), 2)],
      ["long tasks (> 50 ms)", `${num(s.long.length)}, ${num(longSum)} ms in all`],
    ];
    console.log("\n" + formatTable(["measure", "value"], rows));
    console.log(
    "  (main-thread times from Chromium's Performance.getMetrics, divided by frames counted; 'in tasks' is wall time, cpu is time on a core;\n" +
      "   the worker's cpu is in the renderer process figure, the software compositor (--disable-gpu) runs in another process and is in neither)",
  );
    const met = fps >= GOAL_FPS && tok[0] >= GOAL_TOKENS;
    console.log(`frames/s with ${num(tok[0])}+ tokens: ${num(fps, 1)}  goal >= ${GOAL_FPS} with >= ${num(GOAL_TOKENS)} tokens: ${goal(met)}`);
  } finally {
    await page.close();
  }
}

async function seekBar(context: BrowserContext, url: string, errors: string[]): Promise<void> {
  const r = SEEK_RUN;
  console.log(
    `\nBar 2b — seek in the browser: the demo's diagram and fields with ${num(r.messages)} messages at ${num(r.ratePerSec)}/s until ${num(r.untilMs)} ms ` +
      `(the Node run's workload); ${SEEKS} seeks through window.msgsim.seek (page -> worker -> page), timed in the page.`,
  );
  const page = await openApp(context, url, errors);
  try {
    const opened = await loadVariant(page, MILLION, 180_000);
    if (opened.banners.length > 0) console.log(`  banners: ${opened.banners.join(" | ")}`);
    console.log(`  session built in the worker in ${num(opened.ms / 1000, 2)} s: ${num(opened.total)} trace events`);
    const indices = seekIndices(opened.total, SEEKS);
    const times = await page.evaluate(async (indices) => {
      const c = (window as any).msgsim;
      const out: [number, number][] = [];
      for (const i of indices) {
        const prev = c.state.view;
        const t0 = performance.now();
        await new Promise<void>((done) => {
          const unsubscribe = c.store.subscribe(() => {
            if (c.state.view !== prev && c.state.cursor === i) {
              unsubscribe();
              done();
            }
          });
          c.seek(i);
        });
        const t1 = performance.now();
        await new Promise((done) => requestAnimationFrame(done));
        out.push([t1 - t0, performance.now() - t0]);
      }
      return out;
    }, indices);
    const view = seekStats(times.map((t) => t[0]));
    const frame = seekStats(times.map((t) => t[1]));
    console.log(
      "\n" +
        formatTable(SEEK_HEADER, [seekRow("seek -> view in the store", view), seekRow("seek -> next animation frame (drawn)", frame)]),
    );
    console.log(`seek p95 (browser, to the next frame): ${num(frame.p95, 1)} ms  goal < ${GOAL_SEEK_P95_MS} ms: ${goal(frame.p95 < GOAL_SEEK_P95_MS)}`);
  } finally {
    await page.close();
  }
}

function paintBar(loads: LoadTimes[]): void {
  console.log(
    `\nBar 3 — first paint with Excalidraw loaded lazily: ${loads.length} loads of ?scenario=demo&seed=1 in new tabs, the first with an empty profile; ` +
      "ms from navigation start.",
  );
  const rows = loads.map((l, i) => [
    i === 0 ? "load 1 (cold profile)" : `load ${i + 1}`,
    num(l.fp),
    num(l.fcp),
    num(l.canvas),
    num(l.fonts),
    num(l.ready),
    `${num(l.jsBeforeFcp / 1024)} / ${num(l.jsTotal / 1024)}`,
  ]);
  const med = (f: (l: LoadTimes) => number) => percentile(loads.map(f).sort((a, b) => a - b), 50);
  rows.push(["median", num(med((l) => l.fp)), num(med((l) => l.fcp)), num(med((l) => l.canvas)), num(med((l) => l.fonts)), num(med((l) => l.ready)), ""]);
  console.log(
    "\n" + formatTable(["page load", "first paint", "first contentful", "Excalidraw canvas", "+ fonts ready", "run shown", "JS KiB before FCP / all"], rows),
  );
  console.log(`  (${loads[0].fontFiles} font files fetched on the first load; JS sizes as sent, uncompressed by this server)`);
  const fcp = med((l) => l.fcp);
  const full = med((l) => Math.max(l.canvas, l.fonts));
  const worstFcp = Math.max(...loads.map((l) => l.fcp));
  console.log(`first contentful paint (median; worst ${num(worstFcp)} ms): ${num(fcp)} ms  goal < ${num(GOAL_FIRST_PAINT_MS)} ms: ${goal(fcp < GOAL_FIRST_PAINT_MS)}`);
  console.log(`Excalidraw canvas + fonts ready (median): ${num(full)} ms  goal < ${num(GOAL_FIRST_PAINT_MS)} ms: ${goal(full < GOAL_FIRST_PAINT_MS)}`);
}

/** Bars 1, 2b and 3: the built app in headless Chromium. */
export async function runAppBench(): Promise<void> {
  console.log("\nBrowser app (headless Chromium, the built app served from 127.0.0.1)");
  console.log(loadNote());
  const { found, tried } = await findChromium();
  if (!found) {
    console.log(`  SKIPPED: no Chromium (looked at ${tried.join("; ")}); the app's figures need it.`);
    return;
  }
  const outDir = mkdtempSync(join(tmpdir(), "msgsim-bench-app-"));
  const errors: string[] = [];
  try {
    const t0 = performance.now();
    await buildInto(outDir);
    const js = dirBytes(outDir, (f) => f.endsWith(".js"));
    console.log(`  built with Vite in ${num((performance.now() - t0) / 1000, 1)} s into ${outDir} (${num(js / 1024)} KiB of JS)`);
    const server = await serve(outDir);
    const browser = await launch(found, { width: 1440, height: 900 });
    // tsx (esbuild, keepNames) wraps named functions in __name(...): give the page a no-op one for the functions sent to it.
    await browser.context.addInitScript({ content: "globalThis.__name ??= (f) => f;" });
    const version = browser.context.browser()?.version() ?? (await chromiumVersion(browser.context));
    console.log(`  Chromium ${version}, viewport 1440x900`);
    try {
      const loads: LoadTimes[] = [];
      for (let i = 0; i < LOADS; i++) loads.push(await firstPaint(browser.context, server.url));
      await framesBar(browser.context, server.url, errors);
      await seekBar(browser.context, server.url, errors);
      paintBar(loads);
    } finally {
      await browser.close();
      await server.close();
    }
    if (errors.length > 0) console.log(`\n  page errors: ${errors.join(" | ")}`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function chromiumVersion(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  const ua = await page.evaluate(() => navigator.userAgent);
  await page.close();
  return /Chrome\/([\d.]+)/.exec(ua)?.[1] ?? "unknown";
}

