// Builds every corpus drawing from specs/<name>.mjs into ../train or
// ../holdout (as fixed by split.json), with <name>.expected.json beside it,
// then re-reads and validates what it wrote.
// Run: node test/diagram/corpus/tools/build.mjs [name ...]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { finish, fileText, parseCorpusFile } from './scene.mjs';
import { validate } from './validate.mjs';

const here = new URL('.', import.meta.url);
const split = JSON.parse(readFileSync(new URL('split.json', here), 'utf8'));
const setOf = new Map([...split.train.map((n) => [n, 'train']), ...split.holdout.map((n) => [n, 'holdout'])]);
const only = process.argv.slice(2);
const names = [...setOf.keys()].filter((n) => !only.length || only.includes(n));

let failed = false;
const summary = [];
for (const name of names) {
  let spec;
  try { spec = await import(new URL(`specs/${name}.mjs`, here)); } catch (e) {
    if (e.code === 'ERR_MODULE_NOT_FOUND') { console.log(`${name}: no spec yet`); continue; }
    throw e;
  }
  const d = spec.default();
  const { elements, expected } = finish(d);
  // every shape or free text is a box, part of one, a label, or decoration
  const owned = new Set([...d.boxOrder.flatMap((b) => b.members), ...d.labelIds, ...d.decoration]);
  for (const e of elements) {
    if (e.type === 'arrow' || e.type === 'line') continue;
    if (e.type === 'text' && e.containerId) continue;
    if (!owned.has(e.id)) { console.log(`${name}: element ${e.id} (${e.type}${e.text ? ` "${e.text}"` : ''}) is neither box, label nor decoration`); failed = true; }
  }
  const set = setOf.get(name);
  const dir = new URL(`../${set}/`, here);
  mkdirSync(dir, { recursive: true });
  const file = `${name}.${d.format === 'excalidraw' ? 'excalidraw' : 'excalidraw.md'}`;
  writeFileSync(new URL(file, dir), fileText(d, elements));
  writeFileSync(new URL(`${name}.expected.json`, dir), `${JSON.stringify(expected, null, 2)}\n`);
  const scene = parseCorpusFile(readFileSync(new URL(file, dir), 'utf8'), file);
  const exp = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8'));
  const problems = validate(scene, exp, file);
  for (const p of problems) console.log(p);
  if (problems.length) failed = true;
  summary.push({ name, set, boxes: Object.keys(exp.boxes).length, roles: Object.values(exp.boxes).map((b) => b.role) });
}
for (const s of summary) console.log(`${s.set.padEnd(8)} ${s.name.padEnd(30)} ${String(s.boxes).padStart(3)} boxes`);
if (failed) process.exit(1);
