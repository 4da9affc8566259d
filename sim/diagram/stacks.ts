import type { ExElement } from "./element.ts";
import { boxUnion } from "./geometry.ts";
import type { NodeDraft } from "./nodeDraft.ts";
import { STACK_MAX_OFFSET, STACK_MAX_OFFSET_SHARE, STACK_SIZE_SLACK } from "./tolerances.ts";

/** Two single shapes that are cards of one stack (see STACK_* in tolerances.ts). */
function stacked(a: ExElement, b: ExElement): boolean {
  if (a.type !== b.type) return false;
  const w = Math.abs(a.width);
  const h = Math.abs(a.height);
  if (Math.abs(w - Math.abs(b.width)) > STACK_SIZE_SLACK || Math.abs(h - Math.abs(b.height)) > STACK_SIZE_SLACK) return false;
  const dx = Math.abs(Math.min(a.x, a.x + a.width) - Math.min(b.x, b.x + b.width));
  const dy = Math.abs(Math.min(a.y, a.y + a.height) - Math.min(b.y, b.y + b.height));
  return dx <= Math.min(STACK_MAX_OFFSET, w * STACK_MAX_OFFSET_SHARE) && dy <= Math.min(STACK_MAX_OFFSET, h * STACK_MAX_OFFSET_SHARE);
}

/** The stacks among single-shape drafts: sets of two or more cards, each joined to another by `stacked`. */
function findStacks(drafts: readonly NodeDraft[]): NodeDraft[][] {
  const cards = drafts.filter((d) => !d.grouped && d.shapes.length === 1);
  const parent = cards.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) if (stacked(cards[i].shapes[0], cards[j].shapes[0])) parent[root(j)] = root(i);
  }
  const sets = new Map<number, NodeDraft[]>();
  cards.forEach((d, i) => sets.set(root(i), [...(sets.get(root(i)) ?? []), d]));
  return [...sets.values()].filter((s) => s.length > 1);
}

/**
 * One node per stack of cards, named by the front card (the last in the
 * file: Excalidraw draws later elements on top). The others are its shadow
 * cards: they stay part of the node (an arrow bound to one attaches to it,
 * a click on one hits it) and the node's box covers the whole stack, but
 * their labels (often a copy of another card's) do not name it. Returns
 * the drafts with each stack replaced by its merged node, in file order.
 */
export function mergeStacks(drafts: readonly NodeDraft[], owner: Map<string, string>): NodeDraft[] {
  const merged = new Map<NodeDraft, NodeDraft | null>();
  for (const stack of findStacks(drafts)) {
    const [front, ...shadows] = [...stack].sort((a, b) => b.index - a.index);
    const node: NodeDraft = {
      key: front.key,
      index: front.index,
      elementIds: [front, ...shadows].flatMap((d) => d.elementIds),
      shapes: [front, ...shadows].flatMap((d) => d.shapes),
      grouped: false,
      box: boxUnion(stack.map((d) => d.box)),
      texts: [],
      shadows: new Set(shadows.flatMap((d) => d.elementIds)),
    };
    for (const id of node.elementIds) owner.set(id, node.key);
    for (const d of stack) merged.set(d, d === front ? node : null);
  }
  return drafts.flatMap((d) => {
    const m = merged.get(d);
    return m === undefined ? [d] : m === null ? [] : [m];
  });
}
