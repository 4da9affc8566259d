import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** A browser binary the tests can launch, and how it was found. */
export interface FoundBrowser {
  readonly path: string;
  readonly how: string;
  /** Extra environment it needs (the npm package's shared libraries). */
  readonly env?: Readonly<Record<string, string>>;
}

const DEBIAN = "/usr/bin/chromium";

/** Where an installed Chrome (or a distribution's Chromium under another name) lives. */
const CHROMES = [
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/**
 * Finds Chromium in this order: `CHROMIUM_PATH`, Debian's /usr/bin/chromium,
 * an installed Chrome, then the Chromium inside the npm package
 * @sparticuz/chromium (a devDependency; Linux x64). Says what it tried.
 */
export async function findChromium(): Promise<{ found: FoundBrowser | null; tried: string[] }> {
  const tried: string[] = [];
  const own = process.env.CHROMIUM_PATH;
  if (own) {
    if (existsSync(own)) return { found: { path: own, how: "CHROMIUM_PATH" }, tried };
    tried.push(`CHROMIUM_PATH=${own} (no such file)`);
  } else tried.push("CHROMIUM_PATH (not set)");
  if (existsSync(DEBIAN)) return { found: { path: DEBIAN, how: "Debian's chromium" }, tried };
  tried.push(DEBIAN);
  const chrome = CHROMES.find((p) => existsSync(p));
  if (chrome) return { found: { path: chrome, how: "an installed Chrome" }, tried };
  tried.push(`an installed Chrome (${CHROMES.join(", ")})`);
  const packaged = await fromNpmPackage();
  if ("path" in packaged) return { found: packaged, tried };
  tried.push(`@sparticuz/chromium (${packaged.why})`);
  return { found: null, tried };
}

/**
 * The Chromium build shipped inside @sparticuz/chromium: unpacked into the
 * temp folder on first use, with the few shared libraries (NSS, NSPR, expat)
 * a machine with only Node lacks.
 */
async function fromNpmPackage(): Promise<FoundBrowser | { why: string }> {
  if (process.platform !== "linux" || process.arch !== "x64") return { why: `it ships a Linux x64 build; this is ${process.platform} ${process.arch}` };
  let mod: typeof import("@sparticuz/chromium");
  try {
    mod = await import("@sparticuz/chromium");
  } catch {
    return { why: "not installed: run npm install" };
  }
  try {
    const path = await mod.default.executablePath();
    const bin = join(dirname(createRequire(import.meta.url).resolve("@sparticuz/chromium")), "..", "bin");
    const libs = join(await mod.inflate(join(bin, "al2023.tar.br")), "lib");
    const ld = [libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":");
    return { path, how: "the npm package @sparticuz/chromium", env: { LD_LIBRARY_PATH: ld } };
  } catch (err) {
    return { why: `could not unpack it: ${(err as Error).message}` };
  }
}
