import { boxCenter } from "./geometry.ts";
import { ROW_TOLERANCE } from "./tolerances.ts";

interface Placed {
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly index: number;
}

/**
 * Reading order: rows top to bottom, left to right within a row. The
 * highest remaining node (by box center) anchors a row; a node joins it
 * when its center is within max(ROW_TOLERANCE, half the anchor's height)
 * of the anchor's center, so boxes side by side share a row even when
 * their sizes differ.
 */
export function readingOrder<T extends Placed>(items: readonly T[]): T[] {
  const byY = [...items].sort((a, b) => boxCenter(a.box).y - boxCenter(b.box).y || a.index - b.index);
  const rows: T[][] = [];
  let anchorY = -Infinity;
  let reach = 0;
  for (const item of byY) {
    const cy = boxCenter(item.box).y;
    if (rows.length === 0 || !(cy - anchorY <= reach)) {
      rows.push([]);
      anchorY = cy;
      reach = Math.max(ROW_TOLERANCE, item.box.height / 2);
    }
    rows[rows.length - 1].push(item);
  }
  return rows.flatMap((row) => row.sort((a, b) => boxCenter(a.box).x - boxCenter(b.box).x || a.index - b.index));
}

/**
 * Node ids: a fixed id where given (duplicates get "-2", "-3"), else
 * `<role>-<n>` numbered per role in reading order from 1, skipping taken ids.
 */
export function assignNodeIds(roles: readonly string[], fixed: readonly (string | undefined)[], warnings: string[]): string[] {
  const taken = new Set<string>();
  const ids: (string | undefined)[] = fixed.map((id) => {
    if (id === undefined) return undefined;
    let unique = id;
    for (let n = 2; taken.has(unique); n++) unique = `${id}-${n}`;
    if (unique !== id) warnings.push(`override id ${JSON.stringify(id)} is used twice; renamed to ${JSON.stringify(unique)}`);
    taken.add(unique);
    return unique;
  });
  const counters = new Map<string, number>();
  return ids.map((id, i) => {
    if (id !== undefined) return id;
    let n = counters.get(roles[i]) ?? 0;
    let candidate: string;
    do candidate = `${roles[i]}-${++n}`;
    while (taken.has(candidate));
    counters.set(roles[i], n);
    taken.add(candidate);
    return candidate;
  });
}

/** Edge ids: `<from>-><to>`, then `#2`, `#3` for further edges between the same pair. */
export function assignEdgeIds(pairs: readonly { from: string; to: string }[]): string[] {
  const seen = new Map<string, number>();
  return pairs.map(({ from, to }) => {
    const base = `${from}->${to}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}
