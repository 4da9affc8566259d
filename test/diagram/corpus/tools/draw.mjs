// A small builder that turns a hand-written description of a drawing
// (positions and sizes chosen by hand in specs/*.mjs) into Excalidraw
// elements, plus the expected roles a person gives each box.
// Plain Node ESM, no dependencies.
import { shapeOf, boundaryPoint, focusOf } from './geometry.mjs';
import { mulberry32 } from './split.mjs';

export const ROLES = new Set([
  'client', 'load-balancer', 'api-server', 'gateway', 'web-server', 'service',
  'cache', 'database', 'nosql-db', 'blob-store', 'cdn', 'message-queue',
  'broker', 'producer', 'consumer', 'notification-service', 'presence-service',
  'id-generator', 'connection-db', 'socket-cache', 'messaging-db',
  'messaging-worker', 'group-service', 'group-db', 'group-worker', 'sync-queue',
  'send-service', 'receive-service', 'txn-coordinator', 'group-coordinator',
  'offset-store', 'unknown',
]);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const CHAR_WIDTH = { 1: 0.5, 2: 0.5, 3: 0.6, 5: 0.52, 6: 0.5, 8: 0.56 };

function hashString(s) {
  let h = 2166136261;
  for (const ch of s) { h ^= ch.charCodeAt(0); h = Math.imul(h, 16777619); }
  return h >>> 0;
}

export class Drawing {
  /**
   * @param {string} name file name without extension
   * @param {object} o format ('excalidraw' | 'md' | 'md-old'), description,
   *   style (extra style tags), and drawing defaults: font, fontSize, stroke,
   *   strokeWidth, roughness, fill, rounded, labelMode, snap, theme
   */
  constructor(name, o = {}) {
    this.name = name;
    this.format = o.format ?? 'excalidraw';
    this.description = o.description ?? '';
    this.extraStyle = o.style ?? [];
    this.rand = mulberry32(hashString(name));
    this.time = 1690000000000 + Math.floor(this.rand() * 4e10);
    this.def = {
      font: 1, fontSize: 20, stroke: '#1e1e1e', strokeWidth: 2, roughness: 1,
      fill: 'solid', rounded: true, labelMode: 'bound', snap: false, ...o,
    };
    this.els = [];
    this.byKey = new Map();   // key -> box record
    this.boxOrder = [];
    this.decoration = [];
    this.labelIds = new Set();
    this.used = new Set();
    this.ids = new Set();
  }

  // ---- element factories -------------------------------------------------
  id(len = 21) {
    for (;;) {
      let s = '';
      for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(this.rand() * ALPHABET.length)];
      if (!this.ids.has(s)) { this.ids.add(s); return s; }
    }
  }
  int(n) { return Math.floor(this.rand() * n); }
  num(v) {
    if (this.def.snap) return Math.round(v);
    return v + Math.floor(this.rand() * 1e6) / 1e6;
  }

  base(type, x, y, w, h, o = {}) {
    const isText = type === 'text';
    const el = {
      id: o.id ?? this.id(isText && this.format !== 'excalidraw' ? 8 : 21),
      type, x, y, width: w, height: h, angle: 0,
      strokeColor: o.stroke ?? this.def.stroke,
      backgroundColor: o.bg ?? 'transparent',
      fillStyle: o.fill ?? this.def.fill,
      strokeWidth: o.strokeWidth ?? this.def.strokeWidth,
      strokeStyle: o.strokeStyle ?? 'solid',
      roughness: o.roughness ?? this.def.roughness,
      opacity: o.opacity ?? 100,
      groupIds: o.groupIds ?? [],
      frameId: null,
      roundness: o.roundness !== undefined ? o.roundness : null,
      seed: 1 + this.int(2 ** 31 - 2),
      version: 3 + this.int(120),
      versionNonce: this.int(2 ** 31 - 1),
      isDeleted: false,
      boundElements: null,
      updated: (this.time += 1000 + this.int(90000)),
      link: null,
      locked: false,
    };
    if (type === 'frame') el.name = o.name ?? null;
    this.els.push(el);
    return el;
  }

  bindTo(shape, id, type) {
    shape.boundElements = shape.boundElements ?? [];
    shape.boundElements.push({ id, type });
  }

  measure(text, fontSize, font) {
    const lines = text.split('\n');
    const longest = Math.max(...lines.map((l) => l.length));
    const lh = font === 2 || font === 6 ? 1.15 : 1.25;
    return { w: Math.max(4, longest * fontSize * (CHAR_WIDTH[font] ?? 0.55)), h: lines.length * fontSize * lh, lh };
  }

  textEl(text, x, y, o = {}) {
    const fontSize = o.fontSize ?? this.def.fontSize;
    const font = o.font ?? this.def.font;
    const m = this.measure(text, fontSize, font);
    const el = this.base('text', x, y, m.w, m.h, { stroke: o.color, bg: 'transparent', groupIds: o.groupIds });
    Object.assign(el, {
      fontSize, fontFamily: font, text,
      ...(this.format !== 'excalidraw' ? { rawText: text } : {}),
      textAlign: o.align ?? (o.containerId ? 'center' : 'left'),
      verticalAlign: o.valign ?? (o.containerId ? 'middle' : 'top'),
      containerId: o.containerId ?? null,
      originalText: text,
      lineHeight: m.lh,
      baseline: Math.round(m.h - fontSize * m.lh + fontSize * 0.88),
    });
    if (this.format === 'excalidraw') el.autoResize = true;
    return el;
  }

  shapeEl(kind, x, y, w, h, o = {}) {
    const type = kind === 'rect' ? 'rectangle' : kind;
    const rounded = o.rounded ?? this.def.rounded;
    const roundness = type === 'ellipse' ? null
      : type === 'diamond' ? (rounded ? { type: 2 } : null)
        : (rounded ? { type: 3 } : null);
    return this.base(type, this.num(x), this.num(y), w, h, { roundness, ...o });
  }

  // ---- boxes --------------------------------------------------------------
  /**
   * A component. shape: rect | ellipse | diamond | cyl (ellipse+rect+ellipse
   * grouped) | cyl-lines (rectangle with a curved lid line) | person | phone.
   * label: the text drawn ("\n" splits lines); read: what a person reads
   * (default: label with line breaks as spaces); labelMode: bound | below |
   * above | right | left | inside (free text over the shape) | none.
   * stack: {n, dx, dy, text: 'front' | 'all', group} draws n cards.
   */
  box(key, shape, x, y, w, h, label, role, o = {}) {
    if (!ROLES.has(role)) throw new Error(`${this.name}: ${key}: unknown role ${role}`);
    const labelMode = label ? (o.labelMode ?? (['person', 'phone'].includes(shape) ? 'below' : this.def.labelMode)) : 'none';
    const sty = { bg: o.bg, fill: o.fill, stroke: o.stroke, strokeStyle: o.strokeStyle, strokeWidth: o.strokeWidth, rounded: o.rounded };
    for (const k of Object.keys(sty)) if (sty[k] === undefined) delete sty[k];
    const members = [];
    let main; let bbox;
    const stack = o.stack;
    if (['rect', 'ellipse', 'diamond'].includes(shape)) {
      if (stack) {
        // copies of a labelled box: the front card hides the copies' text
        if (stack.text === 'all' && !sty.bg) { sty.bg = '#ffffff'; sty.fill = 'solid'; }
        const gid = stack.group ? this.id() : null;
        for (let k = stack.n - 1; k >= 1; k--) {
          const card = this.shapeEl(shape, x + k * stack.dx, y + k * stack.dy, w, h, { ...sty, groupIds: gid ? [gid] : [] });
          members.push(card);
          if (stack.text === 'all' && label) this.boundLabel(card, label, o);
        }
        main = this.shapeEl(shape, x, y, w, h, { ...sty, groupIds: gid ? [gid] : [] });
        members.push(main);
        const xs = members.map((m) => m.x); const ys = members.map((m) => m.y);
        bbox = { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs) + w, h: Math.max(...ys) - Math.min(...ys) + h };
        this.used.add('stacked-cards');
      } else {
        main = this.shapeEl(shape, x, y, w, h, sty);
        members.push(main);
        bbox = { x: main.x, y: main.y, w, h };
      }
      if (shape === 'diamond') this.used.add('diamonds');
      if (shape === 'ellipse') this.used.add('ellipses');
    } else if (shape === 'cyl') {
      const gid = this.id();
      const e = o.lid ?? Math.min(28, Math.max(14, h * 0.22));
      main = this.shapeEl('rect', x, y + e / 2, w, h - e, { ...sty, rounded: false, groupIds: [gid] });
      const bottom = this.shapeEl('ellipse', x, y + h - e, w, e, { ...sty, groupIds: [gid] });
      const top = this.shapeEl('ellipse', x, y, w, e, { ...sty, groupIds: [gid] });
      members.push(main, bottom, top);
      bbox = { x, y, w, h };
      this.used.add('cylinders');
    } else if (shape === 'cyl-lines') {
      const gid = this.id();
      const e = o.lid ?? 16;
      main = this.shapeEl('rect', x, y, w, h, { ...sty, rounded: true, groupIds: [gid] });
      const lid = this.base('line', this.num(x), this.num(y + e * 0.7), w, e * 0.6, { groupIds: [gid], roundness: { type: 2 }, stroke: sty.stroke });
      Object.assign(lid, this.linePoints([[0, 0], [w * 0.5, e * 0.6], [w, 0]]));
      members.push(main, lid);
      if (o.lid2) {
        const lid2 = this.base('line', this.num(x), this.num(y + e * 1.4), w, e * 0.6, { groupIds: [gid], roundness: { type: 2 }, stroke: sty.stroke });
        Object.assign(lid2, this.linePoints([[0, 0], [w * 0.5, e * 0.6], [w, 0]]));
        members.push(lid2);
      }
      bbox = { x, y, w, h };
      this.used.add('cylinders-lines');
    } else if (shape === 'person') {
      // w is the figure's height; the figure is w*0.5 wide
      const s = w; const gid = this.id(); const cx = x + s * 0.25;
      const head = this.shapeEl('ellipse', cx - s * 0.14, y, s * 0.28, s * 0.28, { ...sty, groupIds: [gid] });
      const body = this.base('line', cx, y + s * 0.3, 0, s * 0.36, { groupIds: [gid], roundness: null });
      Object.assign(body, this.linePoints([[0, 0], [0, s * 0.36]]));
      const arms = this.base('line', cx - s * 0.24, y + s * 0.42, s * 0.48, 0, { groupIds: [gid], roundness: null });
      Object.assign(arms, this.linePoints([[0, 0], [s * 0.48, 0]]));
      const legs = this.base('line', cx - s * 0.18, y + s, s * 0.36, s * 0.34, { groupIds: [gid], roundness: null });
      Object.assign(legs, this.linePoints([[0, 0], [s * 0.18, -s * 0.34], [s * 0.36, 0]]));
      main = head;
      members.push(head, body, arms, legs);
      bbox = { x: cx - s * 0.25, y, w: s * 0.5, h: s };
      this.used.add('person-icons');
    } else if (shape === 'phone') {
      const gid = this.id();
      main = this.shapeEl('rect', x, y, w, h, { ...sty, rounded: true, groupIds: [gid] });
      const screen = this.shapeEl('rect', x + w * 0.12, y + h * 0.12, w * 0.76, h * 0.68, { rounded: false, groupIds: [gid], bg: o.screen ?? 'transparent', fill: 'solid' });
      members.push(main, screen);
      if (o.button !== false) {
        const btn = this.shapeEl('ellipse', x + w / 2 - 4, y + h * 0.86, 8, 8, { groupIds: [gid] });
        members.push(btn);
      }
      bbox = { x, y, w, h };
      this.used.add('phones');
    } else {
      throw new Error(`unknown shape ${shape}`);
    }
    if (label) this.placeLabel(main, bbox, label, labelMode, o, members);
    if (!label) this.used.add('unlabelled-boxes');
    const rec = {
      key, id: main.id, role, label: o.read ?? (label ? label.replace(/\s*\n\s*/g, ' ') : ''),
      members: members.map((m) => m.id), main, bbox, kind: shape === 'ellipse' ? 'ellipse' : shape === 'diamond' ? 'diamond' : 'rect',
    };
    if (shape === 'person' || shape === 'cyl') rec.kind = shape === 'person' ? 'rect' : 'rect';
    if (stack) rec.kind = 'rect';
    this.byKey.set(key, rec);
    this.boxOrder.push(rec);
    return rec;
  }

  /**
   * A broker cluster drawn as a group of small circles over two bars (the way
   * log diagrams draw "the brokers"), read as one component.
   */
  cluster(key, x, y, label, role, o = {}) {
    const n = o.n ?? 3; const r = o.r ?? 34; const gid = this.id();
    const members = [];
    for (let i = 0; i < n; i++) members.push(this.shapeEl('ellipse', x + i * (r + 12), y + (i % 2) * 6, r, r, { groupIds: [gid], bg: o.bg, fill: o.fill }));
    const w = n * r + (n - 1) * 12;
    members.push(this.shapeEl('rect', x - 4, y + r + 16, w + 8, 10, { groupIds: [gid], bg: o.bar ?? '#ced4da', fill: 'solid', rounded: false }));
    members.push(this.shapeEl('rect', x - 4, y + r + 32, w + 8, 10, { groupIds: [gid], bg: o.bar ?? '#ced4da', fill: 'solid', rounded: false }));
    const bbox = { x: x - 4, y, w: w + 8, h: r + 42 };
    const main = members[0];
    if (label) this.placeLabel(main, bbox, label, o.labelMode ?? 'above', o, members);
    this.used.add('grouped-cluster-icon');
    const rec = { key, id: main.id, role, label: o.read ?? (label ? label.replace(/\s*\n\s*/g, ' ') : ''), members: members.map((m) => m.id), main, bbox, kind: 'rect' };
    this.byKey.set(key, rec);
    this.boxOrder.push(rec);
    return rec;
  }

  /** A shape drawn inside a box as part of it (a partition inside a broker, a slot). */
  part(owner, shape, x, y, w, h, label, o = {}) {
    const rec = this.byKey.get(owner);
    const el = this.shapeEl(shape, x, y, w, h, { bg: o.bg, fill: o.fill, rounded: o.rounded, strokeStyle: o.strokeStyle, groupIds: o.groupIds });
    rec.members.push(el.id);
    if (label) this.boundLabel(el, label, { fontSize: o.fontSize ?? Math.max(12, this.def.fontSize - 6) });
    return el;
  }

  boundLabel(shape, label, o) {
    const fontSize = o.fontSize ?? this.def.fontSize;
    const font = o.font ?? this.def.font;
    const m = this.measure(label, fontSize, font);
    const t = this.textEl(label, shape.x + (shape.width - m.w) / 2, shape.y + (shape.height - m.h) / 2,
      { fontSize, font, containerId: shape.id, color: o.textColor });
    this.bindTo(shape, t.id, 'text');
    this.labelIds.add(t.id);
    return t;
  }

  placeLabel(main, bbox, label, mode, o, members) {
    if (mode === 'bound') {
      this.boundLabel(main, label, o);
      this.used.add('bound-labels');
      return;
    }
    const fontSize = o.fontSize ?? this.def.fontSize;
    const font = o.font ?? this.def.font;
    const m = this.measure(label, fontSize, font);
    const gap = o.labelGap ?? 6 + this.int(9);
    const jx = (this.rand() - 0.5) * 10;
    let tx; let ty;
    if (mode === 'below') { tx = bbox.x + (bbox.w - m.w) / 2 + jx; ty = bbox.y + bbox.h + gap; }
    else if (mode === 'above') { tx = bbox.x + (bbox.w - m.w) / 2 + jx; ty = bbox.y - m.h - gap; }
    else if (mode === 'right') { tx = bbox.x + bbox.w + gap; ty = bbox.y + (bbox.h - m.h) / 2 + jx / 2; }
    else if (mode === 'left') { tx = bbox.x - m.w - gap; ty = bbox.y + (bbox.h - m.h) / 2 + jx / 2; }
    else if (mode === 'inside') { tx = bbox.x + (bbox.w - m.w) / 2 + jx; ty = bbox.y + (bbox.h - m.h) / 2 + jx / 3; }
    else throw new Error(`label mode ${mode}`);
    if (o.labelAt) { tx = o.labelAt[0]; ty = o.labelAt[1]; }
    const groupIds = o.labelGrouped ? [...main.groupIds] : [];
    const t = this.textEl(label, this.num(tx), this.num(ty), { fontSize, font, color: o.textColor, groupIds, align: o.align });
    this.labelIds.add(t.id);
    this.used.add('free-text-labels');
  }

  // ---- connectors ---------------------------------------------------------
  linePoints(pts) {
    const xs = pts.map((p) => p[0]); const ys = pts.map((p) => p[1]);
    return {
      points: pts, lastCommittedPoint: null,
      width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys),
      startBinding: null, endBinding: null, startArrowhead: null, endArrowhead: null,
    };
  }

  /**
   * An arrow from box a to box b. bind: both | start | end | none. Unbound
   * ends stop `short` units before the box (negative: run into it). via:
   * absolute bend points. aim: [fx, fy] in -0.5..0.5, where in b it points.
   * from / to: 'card:N' binds to the N-th card of a stack instead of the front.
   */
  arrow(a, b, o = {}) {
    const A = this.byKey.get(a); const B = this.byKey.get(b);
    if (!A || !B) throw new Error(`${this.name}: arrow ${a} -> ${b}: no such box`);
    const bind = o.bind ?? 'both';
    const bindStart = bind === 'both' || bind === 'start';
    const bindEnd = bind === 'both' || bind === 'end';
    const via = o.via ?? [];
    const aimB = o.aim ?? [(this.rand() - 0.5) * 0.3, (this.rand() - 0.5) * 0.3];
    const aimA = o.aimFrom ?? [(this.rand() - 0.5) * 0.2, (this.rand() - 0.5) * 0.2];
    const sA = shapeOf(A); const sB = shapeOf(B);
    const pA = [sA.cx + aimA[0] * sA.w, sA.cy + aimA[1] * sA.h];
    const pB = [sB.cx + aimB[0] * sB.w, sB.cy + aimB[1] * sB.h];
    const first = via.length ? via[0] : pB;
    const last = via.length ? via[via.length - 1] : pA;
    const gapS = bindStart ? 4 + this.rand() * 6 : (o.shortStart ?? o.short ?? 10 + this.rand() * 18);
    const gapE = bindEnd ? 4 + this.rand() * 6 : (o.short ?? 10 + this.rand() * 18);
    const S = boundaryPoint(sA, pA, first, gapS);
    const E = boundaryPoint(sB, pB, last, gapE);
    const absPts = [S, ...via, E];
    const x0 = this.num(S[0]); const y0 = this.num(S[1]);
    const pts = absPts.map((p, i) => (i === 0 ? [0, 0] : [p[0] - S[0], p[1] - S[1]]));
    const type = o.type ?? 'arrow';
    const el = this.base(type, x0, y0, 0, 0, {
      roundness: o.curved ? { type: 2 } : (via.length ? null : { type: 2 }),
      strokeStyle: o.dashed ? 'dashed' : 'solid', stroke: o.stroke,
    });
    Object.assign(el, this.linePoints(pts));
    const target = (rec, which) => (which && which.startsWith('card:') ? rec.members[Number(which.slice(5))] : rec.id);
    if (type === 'arrow') {
      el.startArrowhead = o.heads === 'both' ? 'arrow' : null;
      el.endArrowhead = o.heads === 'none' ? null : 'arrow';
      if (bindStart) {
        const tid = target(A, o.from);
        el.startBinding = { elementId: tid, focus: focusOf(sA, S, absPts[1]), gap: gapS };
        this.bindTo(this.els.find((e) => e.id === tid), el.id, 'arrow');
      }
      if (bindEnd) {
        const tid = target(B, o.to);
        el.endBinding = { elementId: tid, focus: focusOf(sB, E, absPts[absPts.length - 2]), gap: gapE };
        this.bindTo(this.els.find((e) => e.id === tid), el.id, 'arrow');
      }
      if (bindStart && bindEnd) this.used.add('arrows-bound-both');
      else if (bindStart || bindEnd) this.used.add('arrows-bound-one-end');
      else this.used.add('arrows-unbound');
    } else {
      this.used.add('connector-lines');
    }
    if (o.heads === 'both') this.used.add('two-headed-arrows');
    if (o.label) {
      const mid = absPts.length % 2 === 0
        ? [(absPts[absPts.length / 2 - 1][0] + absPts[absPts.length / 2][0]) / 2, (absPts[absPts.length / 2 - 1][1] + absPts[absPts.length / 2][1]) / 2]
        : absPts[(absPts.length - 1) / 2];
      const fontSize = o.labelSize ?? Math.max(12, this.def.fontSize - 4);
      const m = this.measure(o.label, fontSize, this.def.font);
      if (o.freeLabel) {
        const t = this.textEl(o.label, this.num(mid[0] + 6), this.num(mid[1] - m.h - 4), { fontSize });
        this.decoration.push(t.id);
        this.used.add('arrow-annotations');
      } else {
        const t = this.textEl(o.label, mid[0] - m.w / 2, mid[1] - m.h / 2, { fontSize, containerId: el.id });
        this.bindTo(el, t.id, 'text');
        this.used.add('arrow-labels');
      }
    }
    return el;
  }

  line(a, b, o = {}) { return this.arrow(a, b, { ...o, type: 'line', bind: 'none' }); }

  // ---- decoration -----------------------------------------------------------
  /** Free text that is not a box's label: a title, a note, an annotation. */
  text(x, y, text, o = {}) {
    const t = this.textEl(text, this.num(x), this.num(y), o);
    this.decoration.push(t.id);
    if (o.kind === 'title') this.used.add('titles');
    if (o.kind === 'note' || text.length > 60) this.used.add('long-notes');
    return t;
  }

  /** A plain rectangle drawn around a group of services, with a title. */
  container(x, y, w, h, title, o = {}) {
    const r = this.shapeEl('rect', x, y, w, h, {
      strokeStyle: o.strokeStyle ?? 'dashed', bg: o.bg ?? 'transparent', fill: o.fill,
      rounded: o.rounded, stroke: o.stroke, opacity: o.opacity,
    });
    this.decoration.push(r.id);
    if (title) {
      const fontSize = o.fontSize ?? Math.max(14, this.def.fontSize - 2);
      if (o.boundTitle) {
        const t = this.textEl(title, r.x + 10, r.y + 8, { fontSize, containerId: r.id, align: 'left', valign: 'top' });
        this.bindTo(r, t.id, 'text');
        this.decoration.push(t.id);
      } else {
        const t = this.textEl(title, this.num(x + 10 + this.int(8)), this.num(y + 6 + this.int(6)), { fontSize, color: o.titleColor });
        this.decoration.push(t.id);
      }
    }
    this.used.add('containers');
    return r;
  }

  frame(x, y, w, h, name) {
    const f = this.base('frame', this.num(x), this.num(y), w, h, { name, roughness: 0, strokeWidth: 2, bg: 'transparent' });
    this.decoration.push(f.id);
    this.used.add('frames');
    return f;
  }

  /** A boxed legend or sticky note: a rectangle with text bound inside. */
  noteBox(x, y, w, h, text, o = {}) {
    const r = this.shapeEl('rect', x, y, w, h, { bg: o.bg ?? '#fff9db', fill: 'solid', rounded: o.rounded });
    const t = this.textEl(text, r.x + 8, r.y + 8, { fontSize: o.fontSize ?? 16, containerId: r.id, align: 'left', valign: 'top' });
    this.bindTo(r, t.id, 'text');
    this.decoration.push(r.id, t.id);
    this.used.add(o.legend ? 'legend' : 'long-notes');
    return r;
  }

  /** A decorative line (a separator, a slot inside a queue) owned by a box or by decoration. */
  rule(x, y, pts, o = {}) {
    const l = this.base('line', this.num(x), this.num(y), 0, 0, { roundness: null, strokeStyle: o.strokeStyle, groupIds: o.groupIds });
    Object.assign(l, this.linePoints(pts));
    if (o.owner) this.byKey.get(o.owner).members.push(l.id);
    else this.decoration.push(l.id);
    return l;
  }
}
