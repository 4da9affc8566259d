// Turns a finished Drawing into file contents: the Excalidraw scene (plain
// .excalidraw JSON or an Obsidian .excalidraw.md note) and <name>.expected.json.

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function fractionalIndex(i) {
  return i < 62 ? `a${DIGITS[i]}` : `b${DIGITS[Math.floor(i / 62)]}${DIGITS[i % 62]}`;
}

function bboxOf(el) {
  if (el.points) {
    const xs = el.points.map((p) => el.x + p[0]); const ys = el.points.map((p) => el.y + p[1]);
    return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  }
  return { x0: el.x, y0: el.y, x1: el.x + el.width, y1: el.y + el.height };
}

/** Elements drawn wholly inside a frame belong to it, as when dragged in on excalidraw.com. */
function assignFrames(els) {
  const frames = els.filter((e) => e.type === 'frame');
  for (const f of frames) {
    const fb = bboxOf(f);
    for (const e of els) {
      if (e.type === 'frame' || e.frameId) continue;
      const b = bboxOf(e);
      if (b.x0 >= fb.x0 && b.y0 >= fb.y0 && b.x1 <= fb.x1 && b.y1 <= fb.y1) e.frameId = f.id;
    }
  }
}

export function finish(d) {
  assignFrames(d.els);
  const elements = d.els.map((e, i) => (d.format === 'excalidraw' ? { ...e, index: fractionalIndex(i) } : e));
  const style = [...new Set([...d.used, ...d.extraStyle, ...(d.format === 'excalidraw' ? [] : ['obsidian-md'])])].sort();
  const boxes = {};
  for (const b of d.boxOrder) {
    boxes[b.id] = { role: b.role, label: b.label, ...(b.members.length > 1 ? { members: b.members } : {}) };
  }
  const expected = { description: d.description, style, boxes, decoration: d.decoration };
  return { elements, expected };
}

function sceneJson(d, elements) {
  if (d.format === 'excalidraw') {
    return {
      type: 'excalidraw', version: 2, source: 'https://excalidraw.com', elements,
      appState: { gridSize: 20, gridStep: 5, gridModeEnabled: false, viewBackgroundColor: '#ffffff' },
      files: {},
    };
  }
  return {
    type: 'excalidraw', version: 2,
    source: 'https://github.com/zsviczian/obsidian-excalidraw-plugin/releases/tag/2.1.4',
    elements,
    appState: {
      theme: 'light', viewBackgroundColor: '#ffffff', currentItemStrokeColor: '#1e1e1e',
      currentItemBackgroundColor: 'transparent', currentItemFillStyle: 'solid', currentItemStrokeWidth: 1,
      currentItemStrokeStyle: 'solid', currentItemRoughness: 1, currentItemOpacity: 100,
      currentItemFontFamily: d.def.font, currentItemFontSize: d.def.fontSize, currentItemTextAlign: 'left',
      currentItemStartArrowhead: null, currentItemEndArrowhead: 'arrow', scrollX: 412.5, scrollY: 188.25,
      zoom: { value: 1 }, currentItemRoundness: 'round', gridSize: null,
      gridColor: { Bold: '#C9C9C9FF', Regular: '#EDEDEDFF' }, currentStrokeOptions: null, previousGridSize: null,
      frameRendering: { enabled: true, clip: true, name: true, outline: true },
    },
    files: {},
  };
}

export function fileText(d, elements) {
  const scene = sceneJson(d, elements);
  if (d.format === 'excalidraw') return `${JSON.stringify(scene, null, 2)}\n`;
  const texts = elements.filter((e) => e.type === 'text').map((t) => `${t.text} ^${t.id}\n\n`).join('');
  const json = JSON.stringify(scene, null, '\t');
  const head = '---\n\nexcalidraw-plugin: parsed\ntags: [excalidraw]\n\n---\n';
  if (d.format === 'md-old') {
    return `${head}==⚠  Switch to EXCALIDRAW VIEW in the MORE OPTIONS menu of this document. ⚠==\n\n\n# Text Elements\n${texts}%%\n# Drawing\n\`\`\`json\n${json}\n\`\`\`\n%%`;
  }
  return `${head}==⚠  Switch to EXCALIDRAW VIEW in the MORE OPTIONS menu of this document. ⚠== You can decompress Drawing data with the command palette: 'Decompress current Excalidraw file'. For more info check in plugin settings under 'Saving'\n\n\n# Excalidraw Data\n## Text Elements\n${texts}%%\n## Drawing\n\`\`\`json\n${json}\n\`\`\`\n%%`;
}

/** The scene JSON inside a corpus file (either format). */
export function parseCorpusFile(text, fileName) {
  if (!fileName.endsWith('.md')) return JSON.parse(text);
  const m = text.match(/```json\n([\s\S]*?)\n```/);
  if (!m) throw new Error(`${fileName}: no json fence`);
  return JSON.parse(m[1]);
}
