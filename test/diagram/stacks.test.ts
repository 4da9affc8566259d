import { describe, expect, it } from "vitest";
import { importDiagram } from "../../sim/diagram/index.ts";
import type { Point, Topology } from "../../sim/topology.ts";
import { edgeLines, nodeLines, readFixture } from "./seedFiles.ts";

const fixture = importDiagram(readFixture("stacks.excalidraw"), { fileName: "stacks.excalidraw" });
const [design] = fixture.designs;

/** The nodes whose box holds the point (what a click there can hit). */
function at(t: Topology, p: Point): string[] {
  return t.nodes.filter((n) => p.x >= n.box.x && p.x <= n.box.x + n.box.width && p.y >= n.box.y && p.y <= n.box.y + n.box.height).map((n) => n.id);
}

describe("a stack of cards is one node", () => {
  it("is named by its front card even when the cards behind carry other labels", () => {
    const worker = design.nodes.find((n) => n.role === "messaging-worker")!;
    expect(worker.label).toBe("Messaging Worker");
    expect(nodeLines(design).filter((l) => l.includes("Messaging Service"))).toEqual([
      // Only the two boxes side by side; none of the stack's back cards.
      "api-server-7 api-server Messaging Service",
      "api-server-8 api-server Messaging Service",
    ]);
    expect(worker.elementIds[0]).toBe("front");
    expect([...worker.elementIds].sort()).toEqual(["back", "back-text", "front", "front-text", "middle", "middle-text"]);
  });

  it("has a box covering every card, so a click anywhere on the stack hits it", () => {
    const worker = design.nodes.find((n) => n.role === "messaging-worker")!;
    expect(worker.box).toEqual({ x: 300, y: -20, width: 150, height: 122 });
    // The back card's top-left corner, the middle card's left edge, the front card's bottom-right corner.
    for (const p of [{ x: 302, y: -18 }, { x: 310, y: 40 }, { x: 448, y: 100 }]) expect(at(design, p)).toEqual([worker.id]);
  });

  it("takes the arrows bound to any of its cards; an arrow between two of its cards is dropped", () => {
    expect(edgeLines(design)).toEqual(expect.arrayContaining(["client-1 -> messaging-worker-1", "messaging-worker-1 -> messaging-db-1"]));
    expect(fixture.report.warnings).toContain("arrow inStack: joins a node to itself; dropped");
  });

  it("is named by a card behind when the front card has no label", () => {
    const node = design.nodes.find((n) => n.elementIds.includes("shadow2"))!;
    expect(node).toMatchObject({ label: "Receive Service", role: "receive-service" });
    expect(node.elementIds[0]).toBe("shadow2");
    expect(edgeLines(design)).toContain(`client-2 -> ${node.id}`);
  });
});

describe("boxes that are not a stack stay apart", () => {
  it("a grid of equal boxes is six nodes", () => {
    const grid = design.nodes.filter((n) => n.label === "API server");
    expect(grid).toHaveLength(6);
    expect(grid.map((n) => n.elementIds[0]).sort()).toEqual(["grid00", "grid01", "grid02", "grid10", "grid11", "grid12"]);
  });

  it("equal boxes side by side, an offset past the tolerance, another shape or another size are separate nodes", () => {
    const labels = design.nodes.map((n) => n.label);
    for (const label of ["Connection DB", "Group DB", "Send Service", "Group Service", "Group Worker"]) expect(labels).toContain(label);
    expect(labels.filter((l) => l === "Receive Service")).toHaveLength(2); // the ellipse, and the unlabelled-front stack
    expect(design.nodes).toHaveLength(19);
  });
});
