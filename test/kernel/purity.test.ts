import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * sim/ must stay reproducible and portable: no wall clock, no Math.random,
 * no DOM, no React, no UI code, and Node-only APIs only in its CLI folder.
 */
const RULES: { pattern: RegExp; why: string; cliAllowed: boolean }[] = [
  { pattern: /\bMath\.random\b/, why: "Math.random (use the run's seeded streams)", cliAllowed: false },
  {
    pattern: /\bMath\.(exp|expm1|log|log1p|log2|log10|pow|cbrt|hypot|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh)\b/,
    why: "engine-dependent Math function (use sim/kernel/detmath.ts: the last bit differs between Node and Chromium)",
    cliAllowed: true,
  },
  { pattern: /\bDate\.now\b|\bnew Date\(|\bperformance\.now\b/, why: "wall-clock time", cliAllowed: true },
  { pattern: /from\s+["'](react|react-dom|@xyflow\/[^"']+|@excalidraw\/[^"']+)["']/, why: "UI framework import", cliAllowed: false },
  { pattern: /from\s+["'](\.\.\/)+src\//, why: "import from src/ (the dependency runs the wrong way)", cliAllowed: false },
  { pattern: /\b(window|document|localStorage|requestAnimationFrame)\./, why: "DOM API", cliAllowed: false },
  { pattern: /from\s+["']node:|from\s+["'](fs|path|os|worker_threads|child_process)["']/, why: "Node-only API outside sim/cli", cliAllowed: true },
];

export function violationsIn(path: string, text: string): string[] {
  const inCli = /(^|\/)sim\/cli\//.test(path);
  const out: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (/^\s*(\/\/|\/?\*)/.test(line)) return;
    for (const r of RULES) if (r.pattern.test(line) && !(inCli && r.cliAllowed)) out.push(`${path}:${i + 1}: ${r.why}: ${line.trim()}`);
  });
  return out;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|mjs|js)$/.test(p) ? [p] : [];
  });
}

describe("sim/ purity", () => {
  it("finds no wall clock, engine-dependent Math, Math.random, DOM, React or UI imports in sim/", () => {
    const root = join(import.meta.dirname, "../..");
    const found = files(join(root, "sim"))
      .filter((p) => !p.endsWith("detmath.ts"))
      .flatMap((p) => violationsIn(relative(root, p), readFileSync(p, "utf8")));
    expect(found).toEqual([]);
  });

  it("the scanner catches each forbidden use", () => {
    expect(violationsIn("sim/kernel/x.ts", "const r = Math.random();")).toHaveLength(1);
    expect(violationsIn("sim/kernel/x.ts", "const t = Date.now();")).toHaveLength(1);
    expect(violationsIn("sim/kernel/dist.ts", "return Math.exp(x);")).toHaveLength(1);
    expect(violationsIn("sim/kernel/dist.ts", "return Math.sqrt(x) + Math.floor(y);")).toHaveLength(0);
    expect(violationsIn("sim/cli/x.ts", "const t = performance.now();")).toHaveLength(0);
    expect(violationsIn("sim/cli/x.ts", "const r = Math.random();")).toHaveLength(1);
    expect(violationsIn("sim/models/x.ts", 'import { useState } from "react";')).toHaveLength(1);
    expect(violationsIn("sim/models/x.ts", 'import { x } from "../../src/store.ts";')).toHaveLength(1);
    expect(violationsIn("sim/models/x.ts", 'import { readFileSync } from "node:fs";')).toHaveLength(1);
    expect(violationsIn("sim/cli/x.ts", 'import { readFileSync } from "node:fs";')).toHaveLength(0);
    expect(violationsIn("sim/session.ts", "document.body.append(x)")).toHaveLength(1);
  });
});
