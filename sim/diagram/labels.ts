import type { Box } from "../topology.ts";
import type { ExElement } from "./element.ts";
import { boxArea, boxBottom, boxCenter, boxContains, boxPolylineDistance, boxRight, elementBox, overlap } from "./geometry.ts";
import { type NodeDraft, cleanText } from "./nodeDraft.ts";
import { EDGE_TEXT_DISTANCE, TEXT_ATTACH_GAP, TEXT_ATTACH_OVERLAP } from "./tolerances.ts";
import type { Wire } from "./wire.ts";

export type TextPlace = "inside" | "below" | "above" | "beside";

/**
 * Where free text sits against a node, or undefined when it does not label
 * it: "inside" when its center is inside the box; "below"/"above" when it
 * faces the box over half its width within TEXT_ATTACH_GAP; "beside" when
 * it faces the box over half its height within TEXT_ATTACH_GAP.
 */
export function textPlace(text: Box, node: Box): { place: TextPlace; gap: number } | undefined {
  if (boxContains(node, boxCenter(text))) return { place: "inside", gap: 0 };
  const facingX = overlap(text.x, boxRight(text), node.x, boxRight(node)) / Math.max(text.width, 1);
  const facingY = overlap(text.y, boxBottom(text), node.y, boxBottom(node)) / Math.max(text.height, 1);
  const gapY = Math.max(0, -overlap(text.y, boxBottom(text), node.y, boxBottom(node)));
  const gapX = Math.max(0, -overlap(text.x, boxRight(text), node.x, boxRight(node)));
  const vertical = facingX >= TEXT_ATTACH_OVERLAP && gapY <= TEXT_ATTACH_GAP;
  const beside = facingY >= TEXT_ATTACH_OVERLAP && gapX <= TEXT_ATTACH_GAP;
  if (vertical && (!beside || gapY <= gapX)) return { place: boxCenter(text).y < boxCenter(node).y ? "above" : "below", gap: gapY };
  return beside ? { place: "beside", gap: gapX } : undefined;
}

/**
 * The node free text labels: the closest by gap (smaller box on ties).
 * Text above a node that already has a label is a heading, not a label;
 * text starting with { or [ is a data note, never a node label.
 */
function nearestNode(e: ExElement, text: string, drafts: readonly NodeDraft[]): { draft: NodeDraft; gap: number } | undefined {
  if (/^[{[]/.test(text)) return undefined;
  const box = elementBox(e);
  let best: { draft: NodeDraft; gap: number } | undefined;
  for (const draft of drafts) {
    const at = textPlace(box, draft.box);
    if (!at || (at.place === "above" && draft.texts.length > 0)) continue;
    const better = !best || at.gap < best.gap || (at.gap === best.gap && boxArea(draft.box) < boxArea(best.draft.box));
    if (better) best = { draft, gap: at.gap };
  }
  return best;
}

function nearestWire(text: Box, wires: readonly Wire[]): Wire | undefined {
  let best: { wire: Wire; d: number } | undefined;
  for (const wire of wires) {
    const d = boxPolylineDistance(text, wire.points);
    if (d <= EDGE_TEXT_DISTANCE && (!best || d < best.d)) best = { wire, d };
  }
  return best?.wire;
}

type AddText = (draft: NodeDraft, e: ExElement, text: string, rank: number, shadow?: boolean) => void;

/** Pass 1: bound text labels its container (node or arrow); text in a composite group labels the group. */
function attachOwnedTexts(texts: readonly ExElement[], drafts: ReadonlyMap<string, NodeDraft>, owner: ReadonlyMap<string, string>, wires: ReadonlyMap<string, Wire>, add: AddText): ExElement[] {
  const free: ExElement[] = [];
  for (const e of texts) {
    const text = cleanText(e.text);
    const container = e.containerId !== undefined ? (owner.get(e.containerId) ?? e.containerId) : undefined;
    const boundDraft = container !== undefined ? drafts.get(container) : undefined;
    const groupDraft = drafts.get(owner.get(e.id) ?? "");
    if (boundDraft) add(boundDraft, e, text, 0, boundDraft.shadows?.has(e.containerId!));
    else if (container !== undefined && wires.has(container)) wires.get(container)?.labels.push(text);
    else if (groupDraft) add(groupDraft, e, text, 1);
    else free.push(e);
  }
  return free;
}

/**
 * Gives every text a home: bound and group texts first; then free text
 * labels the node it sits in or next to (see textPlace, nearestNode), else
 * the arrow within EDGE_TEXT_DISTANCE; what is left is returned as
 * annotations (titles, notes).
 */
export function attachTexts(
  elements: readonly ExElement[],
  drafts: readonly NodeDraft[],
  owner: Map<string, string>,
  wires: readonly Wire[],
): ExElement[] {
  const add: AddText = (draft, e, text, rank, shadow) => {
    draft.texts.push({ id: e.id, text, rank, index: e.index, ...(shadow ? { shadow } : {}) });
    if (!owner.has(e.id)) draft.elementIds.push(e.id);
    owner.set(e.id, draft.key);
  };
  const texts = elements.filter((e) => e.type === "text" && cleanText(e.text) !== "");
  const byKey = new Map(drafts.map((d) => [d.key, d]));
  const free = attachOwnedTexts(texts, byKey, owner, new Map(wires.map((w) => [w.el.id, w])), add);
  const annotations: ExElement[] = [];
  for (const e of free) {
    const text = cleanText(e.text);
    const near = nearestNode(e, text, drafts);
    const wire = near ? undefined : nearestWire(elementBox(e), wires);
    if (near) add(near.draft, e, text, 2 + near.gap);
    else if (wire) wire.labels.push(text);
    else annotations.push(e);
  }
  return annotations;
}
