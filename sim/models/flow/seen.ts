/**
 * The set of message numbers a destination has shown, per origin, kept
 * compact: everything below `below` plus the few seen out of order above
 * it. Small state keeps snapshots (and so seeking in the UI) cheap.
 */
export interface SeenWindow {
  below: number;
  above: number[];
}

export function seenHas(w: SeenWindow | undefined, n: number): boolean {
  return w !== undefined && (n < w.below || w.above.includes(n));
}

export function seenAdd(w: SeenWindow, n: number): void {
  if (seenHas(w, n)) return;
  w.above.push(n);
  w.above.sort((a, b) => a - b);
  while (w.above.length > 0 && w.above[0] === w.below) {
    w.above.shift();
    w.below++;
  }
}
