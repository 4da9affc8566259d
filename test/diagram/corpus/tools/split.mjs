// Chooses the holdout third of the corpus: a seeded Fisher-Yates shuffle of
// the drawing names in names.txt (mulberry32, seed 17017), the first third of
// the shuffled list is the holdout set, the rest is train.
// Run: node test/diagram/corpus/tools/split.mjs   (prints JSON {train, holdout})
// The split was fixed before any drawing was made and before any rule was
// written; never re-run it with another seed or another list.
import { readFileSync } from 'node:fs';

export const SPLIT_SEED = 17017;

export function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function split(names, seed = SPLIT_SEED) {
  const rand = mulberry32(seed);
  const list = [...names];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  const n = Math.round(list.length / 3);
  return { holdout: list.slice(0, n).sort(), train: list.slice(n).sort() };
}

export function corpusNames() {
  const text = readFileSync(new URL('./names.txt', import.meta.url), 'utf8');
  return text.split('\n').map((s) => s.trim()).filter(Boolean);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(split(corpusNames()), null, 2));
}
