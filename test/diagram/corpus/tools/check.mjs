// Validates every corpus file on disk (scene and expected labels) and prints
// box counts per set and per role, and which styles each set covers.
// Run: node test/diagram/corpus/tools/check.mjs [--markdown]
import { readdirSync, readFileSync } from 'node:fs';
import { parseCorpusFile } from './scene.mjs';
import { validate } from './validate.mjs';

const root = new URL('../', import.meta.url);
const split = JSON.parse(readFileSync(new URL('tools/split.json', root), 'utf8'));
let problems = 0;
const stats = {};
for (const set of ['train', 'holdout']) {
  const dir = new URL(`${set}/`, root);
  const files = readdirSync(dir).filter((f) => /\.excalidraw(\.md)?$/.test(f)).sort();
  const names = files.map((f) => f.replace(/\.excalidraw(\.md)?$/, ''));
  const want = [...split[set]].sort();
  if (JSON.stringify(names) !== JSON.stringify(want)) { console.log(`${set}: files ${names} differ from split.json ${want}`); problems++; }
  const s = { drawings: 0, boxes: 0, roles: {}, styles: {}, files: [] };
  for (const f of files) {
    const name = f.replace(/\.excalidraw(\.md)?$/, '');
    const scene = parseCorpusFile(readFileSync(new URL(f, dir), 'utf8'), f);
    const exp = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8'));
    for (const p of validate(scene, exp, `${set}/${f}`)) { console.log(p); problems++; }
    const boxes = Object.values(exp.boxes);
    s.drawings++; s.boxes += boxes.length;
    for (const b of boxes) s.roles[b.role] = (s.roles[b.role] ?? 0) + 1;
    for (const st of exp.style) s.styles[st] = (s.styles[st] ?? 0) + 1;
    s.files.push({ f, boxes: boxes.length, description: exp.description, style: exp.style });
  }
  stats[set] = s;
}
const roles = [...new Set([...Object.keys(stats.train.roles), ...Object.keys(stats.holdout.roles)])].sort();
const styles = [...new Set([...Object.keys(stats.train.styles), ...Object.keys(stats.holdout.styles)])].sort();
if (process.argv.includes('--markdown')) {
  for (const set of ['train', 'holdout']) {
    console.log(`\n### ${set}/ (${stats[set].drawings} drawings, ${stats[set].boxes} boxes)\n`);
    console.log('| file | boxes | what it shows |\n| --- | --- | --- |');
    for (const x of stats[set].files) console.log(`| \`${x.f}\` | ${x.boxes} | ${x.description} |`);
  }
  console.log('\n| role | train | holdout |\n| --- | --- | --- |');
  for (const r of roles) console.log(`| ${r} | ${stats.train.roles[r] ?? 0} | ${stats.holdout.roles[r] ?? 0} |`);
  console.log('\n| style | train drawings | holdout drawings |\n| --- | --- | --- |');
  for (const st of styles) console.log(`| ${st} | ${stats.train.styles[st] ?? 0} | ${stats.holdout.styles[st] ?? 0} |`);
} else {
  for (const set of ['train', 'holdout']) console.log(`${set}: ${stats[set].drawings} drawings, ${stats[set].boxes} boxes`);
  console.log('role'.padEnd(22), 'train', 'holdout');
  for (const r of roles) console.log(r.padEnd(22), String(stats.train.roles[r] ?? 0).padStart(5), String(stats.holdout.roles[r] ?? 0).padStart(7));
  console.log('\nstyle'.padEnd(23), 'train', 'holdout');
  for (const st of styles) console.log(st.padEnd(22), String(stats.train.styles[st] ?? 0).padStart(5), String(stats.holdout.styles[st] ?? 0).padStart(7));
}
if (problems) { console.log(`${problems} problem(s)`); process.exit(1); }
