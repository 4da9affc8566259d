import { describe, expect, it } from "vitest";
import { importDiagram } from "../../sim/diagram/index.ts";

const box = (id: string, x: number, y: number, label: string) => [
  { id, type: "rectangle", x, y, width: 100, height: 60 },
  { id: `${id}-t`, type: "text", x: x + 10, y: y + 20, width: 80, height: 20, text: label, containerId: id },
];
const wire = (id: string, type: string, x: number, y: number, dx: number, heads: [string | null, string | null], extra = {}) => ({
  id, type, x, y, points: [[0, 0], [dx, 0]], startArrowhead: heads[0], endArrowhead: heads[1], ...extra,
});

function edgesOf(elements: unknown[]) {
  const [design] = importDiagram(JSON.stringify({ elements })).designs;
  return design.edges.map((e) => `${e.from} ${e.direction} ${e.to}`);
}

describe("edge direction and wiring", () => {
  const nodes = [...box("p", 0, 0, "Producer"), ...box("b", 300, 0, "Broker"), ...box("c", 600, 0, "Consumer")];

  it("arrowheads at both ends give a 'both' edge; a plain line gives 'none'", () => {
    expect(edgesOf([...nodes, wire("w1", "arrow", 105, 30, 190, ["arrow", "arrow"])])).toEqual(["producer-1 both broker-1"]);
    expect(edgesOf([...nodes, wire("w2", "line", 405, 30, 190, [null, null])])).toEqual(["broker-1 none consumer-1"]);
  });

  it("an arrow with only a start arrowhead points from its end", () => {
    expect(edgesOf([...nodes, wire("w3", "arrow", 105, 30, 190, ["arrow", null])])).toEqual(["broker-1 forward producer-1"]);
  });

  it("a branch starting on another arrow shares that arrow's tail", () => {
    const trunk = { ...wire("t", "arrow", 50, 65, 0, [null, "arrow"]), points: [[0, 0], [0, 100], [600, 100], [600, -2]] };
    const branch = { ...wire("br", "arrow", 350, 165, 0, [null, "arrow"]), points: [[0, 0], [0, -98]] };
    expect(edgesOf([...nodes, trunk, branch]).sort()).toEqual(["producer-1 forward broker-1", "producer-1 forward consumer-1"]);
  });

  it("drops arrows between elements of the same composite node", () => {
    const group = [
      { id: "e1", type: "ellipse", x: 0, y: 0, width: 50, height: 50, groupIds: ["g"] },
      { id: "e2", type: "ellipse", x: 100, y: 0, width: 50, height: 50, groupIds: ["g"] },
      { id: "e3", type: "ellipse", x: 200, y: 0, width: 50, height: 50, groupIds: ["g"] },
    ];
    const inner = wire("in", "arrow", 50, 25, 50, [null, "arrow"], { startBinding: { elementId: "e1" }, endBinding: { elementId: "e2" } });
    const result = importDiagram(JSON.stringify({ elements: [...group, inner, ...box("c", 400, 0, "consumer"), wire("out", "arrow", 250, 25, 150, [null, "arrow"])] }));
    const [design] = result.designs;
    expect(design.nodes.map((n) => n.role)).toEqual(["broker", "consumer"]);
    expect(design.edges.map((e) => e.id)).toEqual(["broker-1->consumer-1"]);
    expect(result.report.warnings.some((w) => w.includes("arrow in"))).toBe(true);
  });

  it("numbers repeated arrows between the same pair with #2", () => {
    const a = wire("x1", "arrow", 105, 20, 190, [null, "arrow"]);
    const b = wire("x2", "arrow", 105, 40, 190, [null, "arrow"]);
    const [design] = importDiagram(JSON.stringify({ elements: [...nodes, a, b] })).designs;
    expect(design.edges.map((e) => e.id)).toEqual(["producer-1->broker-1", "producer-1->broker-1#2"]);
  });
});
