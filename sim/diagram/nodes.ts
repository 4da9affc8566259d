import type { ExElement } from "./element.ts";
import { boxArea, boxInside, boxUnion, elementBox } from "./geometry.ts";
import { type NodeDraft, isArrowLike, isPlainLine, isShape } from "./nodeDraft.ts";
import { mergeStacks } from "./stacks.ts";
import { SLOT_SLACK } from "./tolerances.ts";

export interface NodeBuild {
  readonly drafts: NodeDraft[];
  /** Element id -> key of the draft that owns it. */
  readonly owner: Map<string, string>;
}

/**
 * Groups (shared groupIds) that form one composite icon: no arrows inside,
 * at least one shape or line, at most one shape carrying bound text.
 */
function compositeGroups(elements: readonly ExElement[]): Set<string> {
  const containers = new Set(elements.filter((e) => e.type === "text" && e.containerId).map((e) => e.containerId));
  const stats = new Map<string, { arrows: number; parts: number; labelled: number }>();
  for (const e of elements) {
    for (const g of e.groupIds) {
      const s = stats.get(g) ?? { arrows: 0, parts: 0, labelled: 0 };
      if (isArrowLike(e)) s.arrows++;
      if (isShape(e) || isPlainLine(e)) s.parts++;
      if (isShape(e) && containers.has(e.id)) s.labelled++;
      stats.set(g, s);
    }
  }
  return new Set([...stats].filter(([, s]) => s.arrows === 0 && s.parts > 0 && s.labelled <= 1).map(([g]) => g));
}

/** The outermost composite group of an element, if any. */
function compositeOf(e: ExElement, composites: ReadonlySet<string>): string | undefined {
  for (let i = e.groupIds.length - 1; i >= 0; i--) if (composites.has(e.groupIds[i])) return e.groupIds[i];
  return undefined;
}

function newDraft(first: ExElement, grouped: boolean): NodeDraft {
  return { key: first.id, index: first.index, elementIds: [], shapes: [], grouped, box: elementBox(first), texts: [] };
}

function addMember(build: NodeBuild, draft: NodeDraft, e: ExElement): void {
  draft.elementIds.push(e.id);
  if (isShape(e)) draft.shapes.push(e);
  build.owner.set(e.id, draft.key);
}

/** Plain lines lying inside a node's box are slots or dividers of that node. */
function absorbSlots(build: NodeBuild, lines: readonly ExElement[]): void {
  for (const line of lines) {
    const box = elementBox(line);
    const holders = build.drafts.filter((d) => boxInside(box, d.box, SLOT_SLACK));
    holders.sort((a, b) => boxArea(a.box) - boxArea(b.box) || a.index - b.index);
    if (holders.length > 0) addMember(build, holders[0], line);
  }
}

/**
 * Shapes become nodes; the members of a composite group become one node
 * whose box is the group's bounding box (its free texts become label
 * candidates). A stack of cards becomes one node (stacks.ts). Plain lines
 * inside a node's box join that node.
 */
export function buildNodes(elements: readonly ExElement[]): NodeBuild {
  const composites = compositeGroups(elements);
  const build: NodeBuild = { drafts: [], owner: new Map() };
  const byGroup = new Map<string, { draft: NodeDraft; members: ExElement[] }>();
  const looseLines: ExElement[] = [];
  for (const e of elements) {
    const group = compositeOf(e, composites);
    const part = isShape(e) || isPlainLine(e) || (e.type === "text" && !e.containerId);
    if (group !== undefined && part) {
      let entry = byGroup.get(group);
      if (!entry) {
        entry = { draft: newDraft(e, true), members: [] };
        byGroup.set(group, entry);
        build.drafts.push(entry.draft);
      }
      entry.members.push(e);
    } else if (isShape(e)) {
      const draft = newDraft(e, false);
      build.drafts.push(draft);
      addMember(build, draft, e);
    } else if (isPlainLine(e)) {
      looseLines.push(e);
    }
  }
  for (const { draft, members } of byGroup.values()) {
    members.forEach((m) => addMember(build, draft, m));
    draft.box = boxUnion(members.map(elementBox));
  }
  build.drafts.splice(0, build.drafts.length, ...mergeStacks(build.drafts, build.owner));
  absorbSlots(build, looseLines);
  return build;
}
