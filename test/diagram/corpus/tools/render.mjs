// Renders a corpus drawing to a plain SVG (boxes, arrows, text; no hand-drawn
// strokes) to eyeball label positions. Box outlines of the expected labels
// are tinted by role when --roles is given.
// Run: node test/diagram/corpus/tools/render.mjs <file> <out.svg> [--roles]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parseCorpusFile } from './scene.mjs';

const [file, out, flag] = process.argv.slice(2);
const scene = parseCorpusFile(readFileSync(file, 'utf8'), file);
const expFile = file.replace(/\.excalidraw(\.md)?$/, '.expected.json');
const expected = existsSync(expFile) ? JSON.parse(readFileSync(expFile, 'utf8')) : { boxes: {} };
const els = scene.elements.filter((e) => !e.isDeleted);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
for (const e of els) {
  const pts = e.points ? e.points.map((p) => [e.x + p[0], e.y + p[1]]) : [[e.x, e.y], [e.x + e.width, e.y + e.height]];
  for (const [x, y] of pts) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
}
const pad = 30;
const parts = [];
const fill = (e) => (e.backgroundColor === 'transparent' ? 'none' : e.backgroundColor);
const dash = (e) => (e.strokeStyle === 'dashed' ? ' stroke-dasharray="8 6"' : e.strokeStyle === 'dotted' ? ' stroke-dasharray="2 4"' : '');
for (const e of els) {
  const st = `stroke="${e.strokeColor}" stroke-width="${Math.max(1, e.strokeWidth)}" fill="${fill(e)}"${dash(e)}`;
  if (e.type === 'rectangle' || e.type === 'frame') {
    const rx = e.roundness ? Math.min(16, e.width / 4, e.height / 4) : 0;
    parts.push(`<rect x="${e.x}" y="${e.y}" width="${e.width}" height="${e.height}" rx="${rx}" ${e.type === 'frame' ? 'stroke="#888" fill="none"' : st}/>`);
    if (e.type === 'frame') parts.push(`<text x="${e.x}" y="${e.y - 6}" font-size="14" fill="#888">${esc(e.name ?? 'Frame')}</text>`);
  } else if (e.type === 'ellipse') {
    parts.push(`<ellipse cx="${e.x + e.width / 2}" cy="${e.y + e.height / 2}" rx="${e.width / 2}" ry="${e.height / 2}" ${st}/>`);
  } else if (e.type === 'diamond') {
    const { x, y, width: w, height: h } = e;
    parts.push(`<polygon points="${x + w / 2},${y} ${x + w},${y + h / 2} ${x + w / 2},${y + h} ${x},${y + h / 2}" ${st}/>`);
  } else if (e.type === 'arrow' || e.type === 'line') {
    const pts = e.points.map((p) => `${e.x + p[0]},${e.y + p[1]}`).join(' ');
    const marker = e.endArrowhead ? ' marker-end="url(#h)"' : '';
    const ms = e.startArrowhead ? ' marker-start="url(#hs)"' : '';
    parts.push(`<polyline points="${pts}" stroke="${e.strokeColor}" stroke-width="${Math.max(1, e.strokeWidth)}" fill="none"${dash(e)}${marker}${ms}/>`);
    if (e.startBinding) parts.push(`<circle cx="${e.x}" cy="${e.y}" r="3" fill="green"/>`);
    const last = e.points[e.points.length - 1];
    if (e.endBinding) parts.push(`<circle cx="${e.x + last[0]}" cy="${e.y + last[1]}" r="3" fill="green"/>`);
  }
}
for (const e of els) {
  if (e.type !== 'text') continue;
  const lines = e.text.split('\n');
  const anchor = e.textAlign === 'center' ? 'middle' : e.textAlign === 'right' ? 'end' : 'start';
  const tx = anchor === 'middle' ? e.x + e.width / 2 : anchor === 'end' ? e.x + e.width : e.x;
  const family = e.fontFamily === 3 ? 'monospace' : e.fontFamily === 1 || e.fontFamily === 5 ? 'Comic Sans MS, cursive' : 'Helvetica, sans-serif';
  lines.forEach((l, i) => parts.push(`<text x="${tx}" y="${e.y + (i + 0.85) * e.fontSize * e.lineHeight}" font-size="${e.fontSize}" font-family="${family}" text-anchor="${anchor}" fill="${e.strokeColor}">${esc(l)}</text>`));
}
if (flag === '--roles') {
  const byId = new Map(els.map((e) => [e.id, e]));
  for (const [id, b] of Object.entries(expected.boxes)) {
    const e = byId.get(id);
    parts.push(`<text x="${e.x}" y="${e.y - 3}" font-size="11" fill="#c2255c" font-family="monospace">${esc(b.role)}</text>`);
  }
}
const w = x1 - x0 + 2 * pad; const h = y1 - y0 + 2 * pad;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${x0 - pad} ${y0 - pad} ${w} ${h}">
<defs><marker id="h" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10" fill="none" stroke="#333"/></marker>
<marker id="hs" viewBox="0 0 10 10" refX="1" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M10,0 L0,5 L10,10" fill="none" stroke="#333"/></marker></defs>
<rect x="${x0 - pad}" y="${y0 - pad}" width="${w}" height="${h}" fill="white"/>
${parts.join('\n')}
</svg>`;
writeFileSync(out, svg);
console.log(`${out}: ${Math.round(w)}x${Math.round(h)}`);
