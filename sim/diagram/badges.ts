import { boxCenter, boxContains, pointBoxDistance, segmentHitsBox } from "./geometry.ts";
import { type NodeDraft, draftLabel } from "./nodeDraft.ts";
import { type Wire, type WireEnd, wireEndBinding, wireEndPoint } from "./wire.ts";

function boundTo(wires: readonly Wire[], draft: NodeDraft): boolean {
  const ids = new Set(draft.elementIds);
  return wires.some((w) => ids.has(w.el.startBindingId ?? "") || ids.has(w.el.endBindingId ?? ""));
}

/** The wire runs through the box: every end inside the box is bound to something else. */
function runsThrough(wire: Wire, draft: NodeDraft): boolean {
  const hits = wire.points.some((p, i) => i > 0 && segmentHitsBox(wire.points[i - 1], p, draft.box));
  if (!hits) return false;
  return ([0, 1] as WireEnd[]).every((end) => {
    if (pointBoxDistance(wireEndPoint(wire, end), draft.box) > 0) return true;
    const target = wireEndBinding(wire, end);
    return target !== undefined && !draft.elementIds.includes(target);
  });
}

function holdsOtherNode(draft: NodeDraft, drafts: readonly NodeDraft[]): boolean {
  return drafts.some((d) => d !== draft && boxContains(draft.box, boxCenter(d.box)));
}

/**
 * A badge is a small labelled shape sitting on an arrow, such as the `WS`
 * boxes of the chat diagram: no arrow is bound to it, an arrow runs through
 * it, and it holds no other node. It is not a node: its text labels the
 * arrows through it. Returns the remaining drafts.
 */
export function extractBadges(drafts: readonly NodeDraft[], wires: readonly Wire[]): NodeDraft[] {
  const kept: NodeDraft[] = [];
  for (const draft of drafts) {
    const label = draftLabel(draft);
    const through = draft.grouped || label === "" || boundTo(wires, draft) || holdsOtherNode(draft, drafts)
      ? []
      : wires.filter((w) => runsThrough(w, draft));
    if (through.length === 0) kept.push(draft);
    for (const w of through) if (!w.labels.includes(label)) w.labels.push(label);
  }
  return kept;
}
