import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { findChromium, type FoundBrowser } from "./findChromium.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const OUT_DIR = join(ROOT, "test-results");
const APP_DIR = join(OUT_DIR, "browser-app");

/** The flags every browser test launches Chromium with. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The browser the tests drive, or null (with a warning that says why and
 * how to get one) to skip them; in CI (`CI` set) a missing browser fails.
 */
export async function browserForTests(): Promise<FoundBrowser | null> {
  const { found, tried } = await findChromium();
  if (found) return found;
  const msg =
    `browser tests need Chromium; none found. Looked at: ${tried.join("; ")}. ` +
    "Get one: `npm install` (installs the devDependency @sparticuz/chromium, Linux x64), or `apt-get install chromium`, or set CHROMIUM_PATH to a Chrome or Chromium binary.";
  if (process.env.CI) throw new Error(msg);
  console.warn(`SKIPPING browser tests: ${msg}`);
  return null;
}

/**
 * Builds the app with Vite into test-results/browser-app, once per test
 * run: the browser test files share the build (a lock directory keeps two
 * files from building at once, a stamp says which run built it).
 */
export async function buildApp(): Promise<string> {
  const lock = join(OUT_DIR, "browser-app.lock");
  const stamp = join(APP_DIR, ".built-for");
  const run = process.env.MSGSIM_TEST_RUN ?? String(process.ppid);
  mkdirSync(OUT_DIR, { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another file is building; a lock older than 5 minutes is stale.
      if (waited > 300_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((ok) => setTimeout(ok, 200));
    }
  }
  try {
    if (existsSync(stamp) && readFileSync(stamp, "utf8") === run) return APP_DIR;
    await viteBuild();
    writeFileSync(stamp, run);
    return APP_DIR;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function viteBuild(): Promise<void> {
  const { build } = await import("vite");
  // vitest sets NODE_ENV=test, which would bundle React's development build.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ root: ROOT, mode: "production", configFile: join(ROOT, "vite.config.ts"), logLevel: "warn", build: { outDir: APP_DIR, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = env;
  }
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/** A tiny static server for the built app on 127.0.0.1 and a free port. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** Chromium with the required flags and a fresh profile directory, at the 1280x720 of a projector. */
export async function launch(browser: FoundBrowser, viewport = { width: 1280, height: 720 }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "msgsim-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.path,
    env: browser.env ? { ...process.env, ...browser.env } : undefined,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
