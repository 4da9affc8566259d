import { describe, expect, it } from "vitest";
import { importDiagram } from "../../sim/diagram/index.ts";
import type { Box } from "../../sim/topology.ts";
import { SEEDS, edgeLines, labelledEdges, nodeLines, readSeed } from "./seedFiles.ts";

describe("seed 000: message log delivery guarantees", () => {
  const result = importDiagram(readSeed(SEEDS.log), { fileName: SEEDS.log });
  const [design] = result.designs;

  it("is one design titled by the file name, with nothing unmapped", () => {
    expect(result.designs).toHaveLength(1);
    expect(design.title).toBe("000_3cf2a8a31156758d");
    expect(result.report.unmapped).toEqual([]);
  });

  it("finds producers, broker clusters, consumers, coordinators and offset stores", () => {
    expect(nodeLines(design)).toEqual([
      "producer-1 producer Producer",
      "broker-1 broker ",
      "consumer-1 consumer consumer",
      "group-coordinator-1 group-coordinator Consumer Coordinator",
      "offset-store-1 offset-store Consumer_offsets",
      "offset-store-2 offset-store consumer_offset",
      "group-coordinator-2 group-coordinator Consumer Coordinator",
      "broker-2 broker ",
      "consumer-2 consumer consumer (READ_COMMITED)",
      "producer-2 producer Producer (transaction ID idempotence)",
      "txn-coordinator-1 txn-coordinator Transaction Coordinator",
      "offset-store-3 offset-store commited_offset",
    ]);
  });

  it("makes each broker cluster one node built from its whole group", () => {
    const broker = design.nodes.find((n) => n.id === "broker-1");
    expect(broker?.elementIds.length).toBeGreaterThanOrEqual(14);
  });

  it("connects the panels, including the arrow whose start is unbound", () => {
    expect(edgeLines(design, true)).toEqual([
      "producer-1 -> broker-1",
      "broker-1 -> consumer-1",
      "consumer-1 -> group-coordinator-1",
      "group-coordinator-1 -> offset-store-1",
      "group-coordinator-2 -> offset-store-2",
      "broker-2 -> consumer-2",
      "consumer-2 -> group-coordinator-2",
      "consumer-2 -> txn-coordinator-1",
      "producer-2 -> broker-2",
      "producer-2 -> txn-coordinator-1",
      "txn-coordinator-1 -> consumer-2",
      "txn-coordinator-1 -> offset-store-3 [commit prod]",
    ]);
  });
});

describe("seed 001: the chat system in stages", () => {
  const result = importDiagram(readSeed(SEEDS.chat), { fileName: SEEDS.chat });
  const byTitle = (title: string) => result.designs.find((d) => d.title === title)!;

  it("splits into one design per stage, titled by the stage headings", () => {
    expect(result.designs.map((d) => d.title)).toEqual([
      "WebSockets — Persistant Connection",
      "Short Polling",
      "WebSockets — Persistant Connection (2)",
      "WebSockets — Stateful!",
      "WebSockets - Change Data Capture (DB Triggers) — Stateful!",
      "WebSockets - Change Data Capture (DB Triggers)",
      "WebSockets - Change Data Capture",
    ]);
    expect(result.report.designs).toBe(7);
  });

  it("reads Short Polling with the Messaging Service as an API server", () => {
    const d = byTitle("Short Polling");
    expect(nodeLines(d)).toEqual([
      "client-1 client Client - Sender",
      "api-server-1 api-server Messaging Service",
      "messaging-db-1 messaging-db Messaging DB",
      "client-2 client Client - Receiving",
      "api-server-2 api-server Messaging Service",
    ]);
    expect(edgeLines(d)).toEqual([
      "client-1 -> api-server-1",
      "api-server-1 -> messaging-db-1",
      "client-2 -> api-server-2",
      "api-server-2 -> client-2",
    ]);
  });

  it("reads the WebSockets stage: Messaging Service is a gateway, WS boxes label the arrows", () => {
    const d = byTitle("WebSockets — Persistant Connection (2)");
    expect(d.nodes.filter((n) => n.role === "gateway").map((n) => n.label)).toEqual(["Messaging Service", "Messaging Service"]);
    expect(edgeLines(d, true)).toContain("client-1 -> gateway-1 [WS]");
    expect(d.nodes.some((n) => n.label === "WS")).toBe(false);
  });

  it("reads the stateful stage: socket caches, connection DB, messaging worker", () => {
    const d = byTitle("WebSockets — Stateful!");
    const roles = d.nodes.map((n) => n.role);
    expect(roles.filter((r) => r === "socket-cache")).toHaveLength(3);
    expect(roles).toContain("connection-db");
    expect(roles).toContain("messaging-worker");
    expect(labelledEdges(d)).toEqual(expect.arrayContaining([
      "Messaging Worker -> Connection DB",
      "Connection DB -> Messaging Worker",
      "Messaging Worker -> User Socket Cache",
      "Messaging Service -> Connection DB",
    ]));
  });

  it("reads change data capture: the DB write triggers the group worker; group DB", () => {
    const d = byTitle("WebSockets - Change Data Capture (DB Triggers) — Stateful!");
    expect(labelledEdges(d)).toEqual(expect.arrayContaining([
      "Messaging DB -> Group Worker",
      "Group Worker -> Group DB",
      "Group DB -> Group Worker",
    ]));
  });

  it("reads each stack of cards (a worker drawn as many machines) as one node named by its front card", () => {
    const stacks = [
      ["WebSockets — Stateful!", ["Messaging Worker"]],
      ["WebSockets - Change Data Capture (DB Triggers) — Stateful!", ["Group Worker", "Messaging Worker"]],
      ["WebSockets - Change Data Capture (DB Triggers)", ["Group Worker", "Messaging Worker"]],
      ["WebSockets - Change Data Capture", ["Messaging Worker"]],
    ] as const;
    for (const [title, workers] of stacks) {
      const d = byTitle(title);
      expect(d.nodes.filter((n) => n.role === "messaging-worker" || n.role === "group-worker").map((n) => n.label).sort(), title).toEqual([...workers]);
      // Three cards of 129 x 106, offset 13 then 15 across and 19 then 26 down: the node's box covers all of them.
      for (const n of d.nodes.filter((n) => n.label.endsWith("Worker"))) {
        expect(n.elementIds.length, n.id).toBe(6);
        expect([Math.round(n.box.width), Math.round(n.box.height)], n.id).toEqual([157, 151]);
      }
      // No card of a stack is left behind as a "Messaging Service" of its own.
      const services = d.nodes.filter((n) => n.label === "Messaging Service");
      for (const s of services) expect(d.nodes.some((w) => w !== s && w.label.endsWith("Worker") && overlaps(w.box, s.box)), `${title} ${s.id}`).toBe(false);
    }
  });

  it("reads the split services: group, send and receive services", () => {
    const d = byTitle("WebSockets - Change Data Capture (DB Triggers)");
    expect(labelledEdges(d)).toEqual(expect.arrayContaining([
      "Client - Join a group -> Group Service",
      "Group Service -> Group DB",
      "Client - Sender -> Send Service",
      "Send Service -> Messaging DB",
      "Client - Receiving -> Receive Service",
      "Receive Service -> Connection DB",
    ]));
    expect(d.edges.find((e) => e.label === "Send info to clients")).toBeDefined();
  });

  it("reports the unlabelled rectangles that arrows end on as unmapped, never guessing", () => {
    const unlabelled = result.report.unmapped.filter((u) => u.label === "");
    expect(unlabelled.map((u) => u.elementIds[0])).toEqual(expect.arrayContaining(["HeRNJaNFiTUySC2j5uhWX", "cgcwOGOyWw-dn1Sp-ucnT"]));
    for (const u of result.report.unmapped) {
      const node = result.designs.find((d) => d.title === u.design)?.nodes.find((n) => n.id === u.nodeId);
      expect(node?.role).toBe("unknown");
    }
  });

  it("leaves the text-only Requirements and Extensions sections out", () => {
    const labels = result.designs.flatMap((d) => d.nodes.map((n) => n.label));
    expect(labels.some((l) => /Requirements|Extensions/.test(l))).toBe(false);
  });
});

describe("seed 002: per-recipient message sync queues", () => {
  const result = importDiagram(readSeed(SEEDS.syncQueues), { fileName: SEEDS.syncQueues });
  const [design] = result.designs;

  it("finds users, chat servers and sync queues (queues include their slot lines)", () => {
    expect(result.designs).toHaveLength(1);
    expect(nodeLines(design)).toEqual([
      "client-1 client bob",
      "gateway-1 gateway chat server 1",
      "sync-queue-1 sync-queue message sync queue",
      "client-2 client san",
      "sync-queue-2 sync-queue message sync queue",
      "client-3 client alice",
      "client-4 client alice",
      "client-5 client bob",
      "gateway-2 gateway chat server 1",
      "gateway-3 gateway chat server 2",
      "sync-queue-3 sync-queue message sync queue",
      "client-6 client san",
    ]);
    const queue = design.nodes.find((n) => n.id === "sync-queue-1");
    expect(queue?.elementIds).toEqual(expect.arrayContaining(["_NntKHzM8IrHKNXhFylgt", "ITpjNBvHbUdmU0WxQ4HBe", "aI8w7Qox"]));
  });

  it("follows ws arrows, the fan-out branch and the connector lines", () => {
    expect(edgeLines(design, true)).toEqual([
      "client-1 -> gateway-1 [ws]",
      "gateway-1 -> client-1",
      "gateway-1 -> sync-queue-1",
      "gateway-1 -> sync-queue-2",
      "sync-queue-1 -> client-2",
      "sync-queue-2 -> client-3",
      "client-4 -> gateway-2 [ws]",
      "client-5 -> gateway-3 [ws]",
      "gateway-2 -> client-4",
      "gateway-2 -> sync-queue-3",
      "gateway-3 -> client-5",
      "gateway-3 -> sync-queue-3",
      "sync-queue-3 -> client-6",
    ]);
    expect(result.report.warnings).toEqual([]);
  });
});

describe("seed 003: API, chat service and notifications", () => {
  const result = importDiagram(readSeed(SEEDS.notifications), { fileName: SEEDS.notifications });
  const [design] = result.designs;

  it("maps every label", () => {
    expect(result.report.unmapped).toEqual([]);
    expect(nodeLines(design)).toEqual([
      "client-1 client client",
      "load-balancer-1 load-balancer ALB",
      "gateway-1 gateway chat service",
      "notification-service-1 notification-service Notification service",
      "api-server-1 api-server API",
      "api-server-2 api-server recipient API server",
      "client-2 client recipient",
      "client-3 client sender",
      "api-server-3 api-server sender API server",
      "message-queue-1 message-queue message queue",
      "notification-service-2 notification-service notification service",
      "nosql-db-1 nosql-db noSQL database",
    ]);
  });

  it("connects the request path and the message path, including the arrow unbound at both ends", () => {
    expect(edgeLines(design, true)).toEqual([
      "client-1 -> load-balancer-1 [http]",
      "client-1 -> gateway-1 [web socket]",
      "load-balancer-1 -> api-server-1",
      "gateway-1 -> client-1",
      "gateway-1 -> api-server-1",
      "api-server-1 -> notification-service-1",
      "api-server-2 -> client-2",
      "client-3 -> api-server-3",
      "api-server-3 -> message-queue-1",
      "message-queue-1 -> api-server-2 [if online]",
      "message-queue-1 -> notification-service-2",
      "message-queue-1 -> nosql-db-1",
      "notification-service-2 -> client-2",
    ]);
    const unbound = design.edges.find((e) => e.elementId === "v9C6448qVFOfQ2Y3-YX60");
    expect(unbound?.from).toBe("client-1");
  });

  it("keeps absolute arrow points, tail first", () => {
    const e = design.edges.find((x) => x.id === "load-balancer-1->api-server-1")!;
    expect(e.direction).toBe("forward");
    expect(e.points[0].y).toBeLessThan(e.points[e.points.length - 1].y);
    expect(Math.round(e.points[0].x)).toBe(-207);
  });
});

describe("every seed", () => {
  it.each(Object.values(SEEDS))("%s has unique ids and edges between its own nodes", (name) => {
    const { designs, scene } = importDiagram(readSeed(name), { fileName: name });
    expect(scene.elements.length).toBeGreaterThan(0);
    for (const d of designs) {
      const ids = d.nodes.map((n) => n.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(d.edges.map((e) => e.id)).size).toBe(d.edges.length);
      for (const e of d.edges) {
        expect(ids).toContain(e.from);
        expect(ids).toContain(e.to);
        expect(e.points.length).toBeGreaterThanOrEqual(2);
      }
    }
  });
});

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
