import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DiagramError, importDiagram } from "../../sim/diagram/index.ts";
import { INTERNAL_LOCATION } from "../../sim/diagram/error.ts";
import { SEEDS, readSeed } from "./seedFiles.ts";

/** Imports and checks that only a non-internal DiagramError escapes, and that results are consistent. */
function importsCleanly(text: string): void {
  let result;
  try {
    result = importDiagram(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DiagramError);
    expect((error as DiagramError).location).not.toBe(INTERNAL_LOCATION);
    return;
  }
  for (const design of result.designs) {
    const ids = new Set(design.nodes.map((n) => n.id));
    expect(ids.size).toBe(design.nodes.length);
    for (const edge of design.edges) expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
  }
}

function sceneOf(seed: string): { elements: Record<string, unknown>[] } {
  const text = readSeed(seed);
  return JSON.parse(text.slice(text.indexOf("```json") + 7, text.lastIndexOf("```")));
}

const FIELDS = ["id", "type", "x", "y", "width", "height", "points", "startBinding", "endBinding", "groupIds",
  "containerId", "text", "isDeleted", "startArrowhead", "endArrowhead", "boundElements", "fontSize", "frameId"];

const weird = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.constant("__INF__"), fc.constant("__NEGINF__"),
  fc.constant(1e300), fc.constant(-1e300), fc.constant(0), fc.constant([]), fc.constant({}), fc.constant(true),
  fc.constant({ elementId: "dangling" }), fc.constant([[0, 0]]), fc.constant([[0, 0], [1e300, -1e300]]),
  fc.string({ maxLength: 6 }), fc.integer(), fc.double({ noNaN: true }), fc.jsonValue({ maxDepth: 2 }),
);

interface Mutation {
  readonly element: number;
  readonly field: string;
  readonly value: unknown;
  readonly borrowId: number;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  element: fc.nat(),
  field: fc.constantFrom(...FIELDS),
  value: weird,
  borrowId: fc.nat(),
});

function mutate(scene: { elements: Record<string, unknown>[] }, mutations: readonly Mutation[]): string {
  const elements = structuredClone(scene.elements);
  for (const m of mutations) {
    if (elements.length === 0) break;
    const target = elements[m.element % elements.length];
    const other = elements[m.borrowId % elements.length];
    if (m.value === undefined) delete target[m.field];
    else if (m.field === "containerId" || m.field === "startBinding") target[m.field] = m.field === "containerId" ? other.id : { elementId: other.id };
    else target[m.field] = m.value;
  }
  return JSON.stringify({ type: "excalidraw", elements }).replaceAll('"__INF__"', "1e999").replaceAll('"__NEGINF__"', "-1e999");
}

describe("the importer only ever throws DiagramError", () => {
  const scenes = [sceneOf(SEEDS.log), sceneOf(SEEDS.syncQueues), sceneOf(SEEDS.notifications)];

  it("on mutated seed scenes", () => {
    fc.assert(
      fc.property(fc.nat(scenes.length - 1), fc.array(mutation, { minLength: 1, maxLength: 25 }), (which, ms) => {
        importsCleanly(mutate(scenes[which], ms));
      }),
      { numRuns: 150 },
    );
  });

  it("on sub-scenes (random subsets of a seed's elements)", () => {
    fc.assert(
      fc.property(fc.nat(scenes.length - 1), fc.array(fc.nat(), { maxLength: 30 }), (which, picks) => {
        const all = scenes[which].elements;
        importsCleanly(JSON.stringify({ elements: picks.map((i) => all[i % all.length]) }));
      }),
      { numRuns: 100 },
    );
  });

  it("on random JSON and random text", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        importsCleanly(JSON.stringify(value) ?? "");
        importsCleanly(JSON.stringify({ elements: value }));
        importsCleanly(JSON.stringify({ elements: [value] }));
        importsCleanly("```json\n" + JSON.stringify(value) + "\n```");
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        importsCleanly(text);
        importsCleanly("{" + text);
        importsCleanly("```compressed-json\n" + text + "\n```");
      }),
      { numRuns: 150 },
    );
  });

  it("on random elements with random geometry", () => {
    const element = fc.record({
      id: fc.constantFrom("a", "b", "c", "d", "e", "f"),
      type: fc.constantFrom("rectangle", "ellipse", "diamond", "text", "arrow", "line", "frame", "image", "freedraw"),
      x: fc.double({ noNaN: true, noDefaultInfinity: true }),
      y: fc.double({ noNaN: true, noDefaultInfinity: true }),
      width: fc.double({ noNaN: true }),
      height: fc.double({ noNaN: true }),
      text: fc.string({ maxLength: 8 }),
      containerId: fc.constantFrom("a", "b", "c", null),
      groupIds: fc.array(fc.constantFrom("g1", "g2"), { maxLength: 2 }),
      points: fc.array(fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 })), { maxLength: 4 }),
      startBinding: fc.option(fc.record({ elementId: fc.constantFrom("a", "b", "c", "zz") })),
      endArrowhead: fc.constantFrom("arrow", null),
    });
    fc.assert(
      fc.property(fc.array(element, { maxLength: 12 }), (elements) => {
        importsCleanly(JSON.stringify({ elements }));
      }),
      { numRuns: 200 },
    );
  });
});
