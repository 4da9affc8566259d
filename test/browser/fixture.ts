import { join } from "node:path";
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { FoundBrowser } from "./findChromium.ts";
import { blankness } from "./pixels.ts";
import { buildApp, launch, OUT_DIR, serve } from "./setup.ts";

/** The built app served on a free port, one Chromium, and the page errors seen so far. */
export interface AppFixture {
  readonly url: string;
  readonly context: BrowserContext;
  readonly errors: string[];
  /** Opens a page at `query` and waits for the run to be ready. */
  open(query: string): Promise<Page>;
}

/** Registers beforeAll/afterAll hooks that build, serve and launch; read the fixture inside tests. */
export function useApp(browser: FoundBrowser): AppFixture {
  const fx = { url: "", errors: [] as string[] } as { url: string; context: BrowserContext; errors: string[]; open: AppFixture["open"] };
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const dir = await buildApp();
    const server = await serve(dir);
    const b = await launch(browser);
    fx.url = server.url;
    fx.context = b.context;
    stop = async () => {
      await b.close();
      await server.close();
    };
  });
  afterAll(async () => {
    await stop?.();
  });
  fx.open = async (query: string) => {
    const page = await fx.context.newPage();
    page.on("pageerror", (e) => fx.errors.push(`${page.url()}: ${e.message}`));
    await page.goto(`${fx.url}/${query}`);
    await ready(page);
    return page;
  };
  return fx;
}

/** Waits until a run is shown and no session is being built. */
export async function ready(page: Page): Promise<void> {
  await page.waitForSelector("[data-testid=trace-hash]", { timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector("[data-testid=busy]"), null, { timeout: 30_000 });
}

export const text = async (page: Page, id: string) => (await page.textContent(`[data-testid=${id}]`))?.trim() ?? "";
export const eventIndex = async (page: Page) => Number(await text(page, "event-index"));

/**
 * The whole page as pixels, at a quarter of its size: what is on screen
 * (not the DOM), cheap enough to take after every action.
 */
export async function glance(page: Page): Promise<Buffer> {
  let cdp = sessions.get(page);
  if (!cdp) sessions.set(page, (cdp = await page.context().newCDPSession(page)));
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  const shot = await cdp.send("Page.captureScreenshot", { format: "png", clip: { x: 0, y: 0, width: size.width, height: size.height, scale: 0.25 } });
  return Buffer.from(shot.data, "base64");
}

const sessions = new WeakMap<Page, CDPSession>();

/**
 * After an action: waits for any re-run to finish and two frames to paint,
 * then checks there is no page error, no panel showing its error, and a
 * screenshot that is not blank.
 */
export async function assertAlive(page: Page, errors: readonly string[], after: string): Promise<void> {
  const failed = await page.evaluate(async () => {
    const until = Date.now() + 30_000;
    while (document.querySelector("[data-testid=busy]") && Date.now() < until) await new Promise((ok) => setTimeout(ok, 20));
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    return [...document.querySelectorAll("[data-testid=panel-error]")].map((e) => e.textContent ?? "");
  });
  expect(errors, `page errors after ${after}`).toEqual([]);
  expect(failed, `a panel failed after ${after}`).toEqual([]);
  const why = blankness(await glance(page));
  expect(why, `the page looks blank after ${after}`).toBeNull();
}

/** Waits for Excalidraw to draw and fonts to load, then screenshots into test-results/. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForSelector(".excalidraw canvas", { timeout: 20_000 });
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Excalidraw redraws once its fonts are in: give it two frames.
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  });
  await page.screenshot({ path: join(OUT_DIR, `${name}.png`) });
}
