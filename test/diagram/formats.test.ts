import { describe, expect, it } from "vitest";
import { decompressFromBase64, importDiagram, parseScene } from "../../sim/diagram/index.ts";
import { compressToBase64 } from "./lzCompress.ts";
import { edgeLines, nodeLines, readFixture, readSeed, SEEDS } from "./seedFiles.ts";

describe("LZ-String decompressFromBase64", () => {
  it("decodes a known vector", () => {
    expect(decompressFromBase64("BYUwNmD2Q===")).toBe("hello");
  });

  it.each(["", "a", "hello", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "héllo ✓ 𝄞 — 中文", '{"type":"excalidraw","elements":[]}'])(
    "round-trips %j",
    (text) => {
      expect(decompressFromBase64(compressToBase64(text))).toBe(text);
    },
  );

  it("round-trips a whole seed", () => {
    const text = readSeed(SEEDS.notifications);
    expect(decompressFromBase64(compressToBase64(text))).toBe(text);
  });

  it("returns null or a string on garbage, never throws", () => {
    for (const junk of ["!!!!", "AAAA", "////////", "zzzzzzzzzzzz", "B"]) {
      const out = decompressFromBase64(junk);
      expect(out === null || typeof out === "string").toBe(true);
    }
  });
});

describe("plain .excalidraw JSON", () => {
  const result = importDiagram(readFixture("small.excalidraw"), { fileName: "fixtures/small.excalidraw" });
  const [design] = result.designs;

  it("imports nodes with bound and free-text labels, titled by the file name", () => {
    expect(design.title).toBe("small");
    expect(nodeLines(design)).toEqual([
      "client-1 client Web Client",
      "load-balancer-1 load-balancer ALB",
      "api-server-1 api-server API server",
      "unknown-1 unknown Mystery Box",
      "messaging-db-1 messaging-db Messaging DB",
    ]);
  });

  it("normalises reversed arrows, attaches unbound ends and keeps arrow labels", () => {
    expect(edgeLines(design, true)).toEqual([
      "client-1 -> load-balancer-1",
      "load-balancer-1 -> api-server-1 [https]",
      "api-server-1 -> messaging-db-1",
    ]);
    const reversed = design.edges.find((e) => e.elementId === "a2")!;
    expect(reversed.points[0]).toEqual({ x: 350, y: 30 });
    expect(reversed.points[1]).toEqual({ x: 480, y: 30 });
  });

  it("reports an arrow with a loose end as a warning, not an edge", () => {
    expect(result.report.warnings.some((w) => w.includes("arrow a4"))).toBe(true);
    expect(design.edges.some((e) => e.elementId === "a4")).toBe(false);
  });

  it("drops deleted elements from the scene handed to the renderer", () => {
    const ids = result.scene.elements.map((e) => (e as { id: string }).id);
    expect(ids).not.toContain("ghost");
    expect(ids).toContain("client");
    expect(result.scene.appState).toEqual({ viewBackgroundColor: "#ffffff" });
  });

  it("uses the biggest free text as title when there is no file name", () => {
    expect(importDiagram(readFixture("small.excalidraw")).designs[0].title).toBe("Small design");
  });
});

describe("Obsidian note with a compressed-json fence", () => {
  it("imports the same topology as the plain file", () => {
    const plain = importDiagram(readFixture("small.excalidraw"), { fileName: "same" });
    const packed = importDiagram(readFixture("small-compressed.excalidraw.md"), { fileName: "same" });
    expect(packed.designs).toEqual(plain.designs);
  });

  it("parses the scene out of the fence", () => {
    const scene = parseScene(readFixture("small-compressed.excalidraw.md"));
    expect(scene.elements.map((e) => e.id)).toContain("alb");
    expect(scene.elements.some((e) => e.id === "ghost")).toBe(false);
  });
});
