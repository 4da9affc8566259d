import { describe, expect, it } from "vitest";
import { DiagramError, importDiagram } from "../../sim/diagram/index.ts";
import { roleForText } from "../../sim/diagram/roleRules.ts";
import { readFixture, readSeed, SEEDS } from "./seedFiles.ts";

const ws = { title: "WebSockets", webSockets: true, cluster: false };
const polling = { title: "Short Polling", webSockets: false, cluster: false };

describe("role rules", () => {
  it.each([
    ["Messaging Service", "gateway"],
    ["Connection DB", "connection-db"],
    ["chat\nserver 1", "gateway"],
    ["ALB", "load-balancer"],
    ["Consumer_offsets", "offset-store"],
    ["Consumer Coordinator", "group-coordinator"],
    ["Transaction Coordinator", "txn-coordinator"],
    ["Producer", "producer"],
    ["consumer", "consumer"],
    ["User Socket Cache", "socket-cache"],
    ["Messaging DB", "messaging-db"],
    ["Messaging Worker", "messaging-worker"],
    ["Group Worker", "group-worker"],
    ["Group DB", "group-db"],
    ["Group Service", "group-service"],
    ["Send Service", "send-service"],
    ["Receive Service", "receive-service"],
    ["Client - Sender", "client"],
    ["Client - Join a group", "client"],
    ["bob", "client"],
    ["message sync queue", "sync-queue"],
    ["message queue", "message-queue"],
    ["notification service", "notification-service"],
    ["noSQL database", "nosql-db"],
    ["API", "api-server"],
    ["sender API server", "api-server"],
    ["recipient API server", "api-server"],
    ["chat service", "gateway"],
    ["sender", "client"],
    ["Flux capacitor", "unknown"],
  ])("%j -> %s", (label, role) => {
    expect(roleForText(label, ws)).toBe(role);
  });

  it("reads Messaging Service as an API server in a polling design", () => {
    expect(roleForText("Messaging Service", polling)).toBe("api-server");
  });

  it("reads an unlabelled cluster of ellipses as a broker, other unlabelled shapes as unknown", () => {
    expect(roleForText("", { ...ws, cluster: true })).toBe("broker");
    expect(roleForText("", ws)).toBe("unknown");
  });
});

describe("unknown labels and overrides", () => {
  const text = readFixture("small.excalidraw");

  it("puts unknown labels in report.unmapped with their element ids", () => {
    const { report } = importDiagram(text);
    expect(report.unmapped).toEqual([{ nodeId: "unknown-1", label: "Mystery Box", elementIds: ["box", "boxText"], design: "Small design" }]);
  });

  it("applies a role override given by any element id of the node", () => {
    const { designs, report } = importDiagram(text, { overrides: { boxText: { role: "broker" } } });
    expect(designs[0].nodes.find((n) => n.label === "Mystery Box")?.id).toBe("broker-1");
    expect(report.unmapped).toEqual([]);
  });

  it("applies an id override and keeps edge ids in step", () => {
    const { designs } = importDiagram(text, { overrides: { api: { id: "api" }, client: { id: "web", role: "client" } } });
    const ids = designs[0].nodes.map((n) => n.id);
    expect(ids).toContain("api");
    expect(ids).toContain("web");
    expect(designs[0].edges.map((e) => e.id)).toContain("load-balancer-1->api");
  });

  it("gives duplicate override ids unique suffixes", () => {
    const { designs, report } = importDiagram(text, { overrides: { api: { id: "x" }, alb: { id: "x" } } });
    expect(designs[0].nodes.map((n) => n.id).filter((id) => id.startsWith("x"))).toEqual(["x", "x-2"]);
    expect(report.warnings.some((w) => w.includes("used twice"))).toBe(true);
  });

  it("warns about overrides for elements that are not in a node", () => {
    const { report } = importDiagram(text, { overrides: { nope: { role: "broker" } } });
    expect(report.warnings.some((w) => w.includes("nope"))).toBe(true);
  });

  it("rejects an override with an unknown role as a DiagramError", () => {
    const bad = { overrides: { api: { role: "wizard" } } } as unknown as Parameters<typeof importDiagram>[1];
    expect(() => importDiagram(text, bad)).toThrowError(DiagramError);
  });

  it("maps the unlabelled rectangle of a seed with an override", () => {
    const { designs } = importDiagram(readSeed(SEEDS.chat), { overrides: { HeRNJaNFiTUySC2j5uhWX: { role: "message-queue", id: "fanout" } } });
    const node = designs.flatMap((d) => d.nodes).find((n) => n.id === "fanout");
    expect(node?.role).toBe("message-queue");
  });
});
