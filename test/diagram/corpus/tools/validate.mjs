// Checks one corpus drawing and its expected labels: valid Excalidraw
// elements, bindings consistent both ways, every box and decoration id present.
// Returns a list of problems (empty when the drawing is fine).
import { ROLES } from './draw.mjs';

const COMMON = ['id', 'type', 'x', 'y', 'width', 'height', 'angle', 'strokeColor', 'backgroundColor',
  'fillStyle', 'strokeWidth', 'strokeStyle', 'roughness', 'opacity', 'groupIds', 'frameId', 'roundness',
  'seed', 'version', 'versionNonce', 'isDeleted', 'boundElements', 'updated', 'link', 'locked'];
const TEXT = ['text', 'originalText', 'fontSize', 'fontFamily', 'textAlign', 'verticalAlign', 'containerId', 'lineHeight', 'baseline'];
const LINEAR = ['points', 'lastCommittedPoint', 'startBinding', 'endBinding', 'startArrowhead', 'endArrowhead'];

export function validate(scene, expected, name) {
  const problems = [];
  const bad = (msg) => problems.push(`${name}: ${msg}`);
  if (scene.type !== 'excalidraw' || scene.version !== 2 || !Array.isArray(scene.elements) || !scene.appState || !scene.files) {
    bad('not an excalidraw scene');
    return problems;
  }
  const byId = new Map();
  for (const e of scene.elements) {
    if (byId.has(e.id)) bad(`duplicate id ${e.id}`);
    byId.set(e.id, e);
  }
  for (const e of scene.elements) {
    const need = [...COMMON, ...(e.type === 'text' ? TEXT : []), ...(e.type === 'arrow' || e.type === 'line' ? LINEAR : [])];
    for (const k of need) if (!(k in e)) bad(`${e.id} (${e.type}) lacks ${k}`);
    if (e.angle !== 0 || e.isDeleted !== false || e.locked !== false || e.link !== null) bad(`${e.id}: angle/isDeleted/locked/link`);
    if (e.frameId !== null && byId.get(e.frameId)?.type !== 'frame') bad(`${e.id}: frameId ${e.frameId} is no frame`);
    if (e.type === 'text' && e.containerId) {
      const c = byId.get(e.containerId);
      if (!c) bad(`${e.id}: container ${e.containerId} missing`);
      else if (!(c.boundElements ?? []).some((b) => b.id === e.id && b.type === 'text')) bad(`${e.id}: container does not list its text`);
    }
    for (const b of e.boundElements ?? []) {
      const o = byId.get(b.id);
      if (!o || o.type !== b.type) { bad(`${e.id}: bound ${b.type} ${b.id} missing`); continue; }
      if (b.type === 'text' && o.containerId !== e.id) bad(`${e.id}: text ${b.id} has another container`);
      if (b.type === 'arrow' && o.startBinding?.elementId !== e.id && o.endBinding?.elementId !== e.id) bad(`${e.id}: arrow ${b.id} not bound to it`);
    }
    for (const end of ['startBinding', 'endBinding']) {
      const bnd = e[end];
      if (!bnd) continue;
      const t = byId.get(bnd.elementId);
      if (!t) bad(`${e.id}: ${end} target missing`);
      else if (!(t.boundElements ?? []).some((b) => b.id === e.id && b.type === 'arrow')) bad(`${e.id}: ${end} target does not list the arrow`);
      if (typeof bnd.focus !== 'number' || typeof bnd.gap !== 'number') bad(`${e.id}: ${end} focus/gap`);
    }
    if (e.points && (e.points[0][0] !== 0 || e.points[0][1] !== 0 || e.points.length < 2)) bad(`${e.id}: points must start at 0,0`);
    if (e.type === 'text' && e.text.trim() === '') bad(`${e.id}: empty text`);
  }
  const ids = Object.keys(expected.boxes ?? {});
  if (ids.length < 4 || ids.length > 25) bad(`${ids.length} boxes (want 4..25)`);
  if (!expected.description || !Array.isArray(expected.style) || !expected.style.length) bad('description/style missing');
  const seen = new Set();
  for (const id of ids) {
    const b = expected.boxes[id];
    if (!byId.has(id)) bad(`box ${id} not in scene`);
    if (!ROLES.has(b.role)) bad(`box ${id}: role ${b.role} not in the vocabulary`);
    if (typeof b.label !== 'string') bad(`box ${id}: label`);
    for (const m of b.members ?? [id]) {
      if (!byId.has(m)) bad(`box ${id}: member ${m} missing`);
      if (seen.has(m)) bad(`element ${m} in two boxes`);
      seen.add(m);
    }
  }
  for (const id of expected.decoration ?? []) {
    if (!byId.has(id)) bad(`decoration ${id} missing`);
    if (seen.has(id)) bad(`decoration ${id} is also a box`);
  }
  return problems;
}
