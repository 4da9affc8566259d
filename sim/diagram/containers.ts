import type { ExElement } from "./element.ts";
import { boxCenter, boxContains } from "./geometry.ts";
import type { NodeDraft } from "./nodeDraft.ts";
import type { Wire } from "./wire.ts";

/**
 * A container is a shape drawn around other nodes (the boxes around the
 * Messaging Service columns in 001): not grouped, no bound text, no arrow
 * bound to it, and another node's center inside it. It is decoration, not a
 * node, and must not pick up the free text above it. Returns [kept, removed].
 */
export function splitContainers(
  drafts: readonly NodeDraft[],
  elements: readonly ExElement[],
  wires: readonly Wire[],
): [NodeDraft[], NodeDraft[]] {
  const labelled = new Set(elements.filter((e) => e.type === "text" && e.containerId).map((e) => e.containerId));
  const bound = new Set(wires.flatMap((w) => [w.el.startBindingId, w.el.endBindingId]));
  const isContainer = (d: NodeDraft): boolean =>
    !d.grouped &&
    !d.elementIds.some((id) => labelled.has(id) || bound.has(id)) &&
    drafts.some((other) => other !== d && boxContains(d.box, boxCenter(other.box)));
  const removed = new Set(drafts.filter(isContainer));
  return [drafts.filter((d) => !removed.has(d)), [...removed]];
}
