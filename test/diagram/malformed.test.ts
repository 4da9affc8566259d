import { describe, expect, it } from "vitest";
import { DiagramError, importDiagram, parseScene } from "../../sim/diagram/index.ts";

function errorOf(text: string): DiagramError {
  try {
    importDiagram(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DiagramError);
    return error as DiagramError;
  }
  throw new Error("expected a DiagramError");
}

const scene = (elements: unknown) => JSON.stringify({ type: "excalidraw", elements });
const rect = { id: "r", type: "rectangle", x: 0, y: 0, width: 10, height: 10 };

describe("malformed input", () => {
  it("rejects text that is neither a note with a fence nor JSON", () => {
    const e = errorOf("# just markdown\nnothing here");
    expect(e.location).toBe("note");
    expect(e.reason).toMatch(/fence/);
  });

  it("names the note line of a JSON syntax error inside the fence", () => {
    const note = ["---", "excalidraw-plugin: parsed", "---", "# Drawing", "```json", "{", '  "type": "excalidraw",', '  "elements": [,]', "}", "```"].join("\n");
    expect(errorOf(note).location).toBe("line 8");
  });

  it("names the line of a syntax error in a plain file", () => {
    expect(errorOf('{\n  "elements": [\n    {"id": "a" "type": "x"}\n  ]\n}').location).toBe("line 3");
    expect(errorOf('{\n  "elements": [\n').location).toBe("line 3");
  });

  it("rejects a fence whose JSON is not an object", () => {
    expect(errorOf("```json\n[1, 2]\n```").reason).toMatch(/object/);
  });

  it("rejects a missing or non-array elements list", () => {
    expect(errorOf("{}").location).toBe("elements");
    expect(errorOf('{"elements": {"0": 1}}').reason).toMatch(/array/);
  });

  it.each([
    [scene([5]), "elements[0]"],
    [scene([{ ...rect, id: undefined }]), "elements[0].id"],
    [scene([rect, { ...rect, id: "s", x: undefined }]), "elements[1].x"],
    [scene([{ ...rect, y: "12" }]), "elements[0].y"],
    [scene([{ ...rect, type: 3 }]), "elements[0].type"],
    [scene([{ id: "a", type: "arrow", x: 0, y: 0, points: 7 }]), "elements[0].points"],
    [scene([{ id: "a", type: "arrow", x: 0, y: 0, points: [[0, 0], ["a", 1]] }]), "elements[0].points[1]"],
    [scene([{ ...rect, x: "__INF__" }]).replace('"__INF__"', "1e999"), "elements[0].x"],
  ])("locates a bad element field (%#)", (text, location) => {
    expect(errorOf(text).location).toBe(location);
  });

  it("rejects a compressed-json fence that does not decode", () => {
    const e = errorOf("# Drawing\n```compressed-json\n!!!!\n```\n");
    expect(e.location).toBe("line 3");
  });

  it("tolerates elements without optional fields and deleted elements with any content", () => {
    const text = scene([{ id: "a", type: "rectangle", x: 0, y: 0 }, { isDeleted: true }, { id: "t", type: "text", x: 0, y: 0, text: "API" }]);
    const result = importDiagram(text);
    expect(result.designs[0].nodes.map((n) => n.role)).toEqual(["api-server"]);
    expect(parseScene(text).elements).toHaveLength(2);
  });

  it("tolerates dangling bindings and containers", () => {
    const text = scene([
      rect,
      { id: "a", type: "arrow", x: 20, y: 5, points: [[0, 0], [50, 0]], startBinding: { elementId: "gone" }, endBinding: null },
      { id: "t", type: "text", x: 0, y: 0, text: "orphan", containerId: "missing" },
    ]);
    const result = importDiagram(text);
    expect(result.report.warnings.some((w) => w.includes("arrow a"))).toBe(true);
  });
});
