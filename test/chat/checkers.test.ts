import { describe, expect, it } from "vitest";
import { offlineNotified } from "../../sim/check/chat/notified.ts";
import { perChatOrder } from "../../sim/check/chat/order.ts";
import { ackAfterPersist } from "../../sim/check/chat/persist.ts";
import { receiptsMonotonic } from "../../sim/check/chat/receipts.ts";
import { noLostMessage } from "../../sim/check/messages.ts";
import { CTX, check, traceOf } from "./trace.ts";

const show = (t: number, mid: string, seq: number, recipient = "client-2:u1", conv = "u0~u1") =>
  [t, "client-2", "msg.display", { mid, recipient, conv, seq }] as [number, string, string, Record<string, unknown>];

describe("per-chat-order", () => {
  it("fails when a conversation is shown out of sequence", () => {
    const v = check(perChatOrder.create(CTX), traceOf([show(1, "a", 1), show(2, "c", 3), show(3, "b", 2)]));
    expect(v).toHaveLength(1);
    expect(v[0].message).toContain("seq 2");
  });
  it("passes in order, per conversation and per recipient, ignoring a repeated id", () => {
    const t = traceOf([show(1, "a", 1), show(2, "x", 1, "client-2:u1", "u1~u2"), show(3, "b", 2), show(4, "a", 1), show(5, "a", 1, "client-3:u5")]);
    expect(check(perChatOrder.create(CTX), t)).toEqual([]);
  });
});

describe("receipts-monotonic", () => {
  const r = (t: number, state: number) => [t, "client-1", "receipt.show", { mid: "m1", user: "client-1:u0", state }] as [number, string, string, Record<string, unknown>];
  it("fails when a receipt moves back", () => {
    expect(check(receiptsMonotonic.create(CTX), traceOf([r(1, 1), r(2, 3), r(3, 2)]))).toHaveLength(1);
  });
  it("passes sent -> delivered -> read, with steps skipped", () => {
    expect(check(receiptsMonotonic.create(CTX), traceOf([r(1, 1), r(2, 3)]))).toEqual([]);
  });
});

describe("ack-after-persist", () => {
  it("fails when the ack comes before the durable write", () => {
    const t = traceOf([[1, "gateway-1", "msg.ack", { mid: "m1" }], [2, "messaging-db-1", "msg.persist", { mid: "m1", recipients: ["client-2:u1"] }]]);
    expect(check(ackAfterPersist.create(CTX), t)).toHaveLength(1);
  });
  it("passes when the write comes first", () => {
    const t = traceOf([[1, "messaging-db-1", "msg.persist", { mid: "m1", recipients: [] }], [2, "gateway-1", "msg.ack", { mid: "m1" }], [3, "gateway-1", "msg.ack", { mid: "m1" }]]);
    expect(check(ackAfterPersist.create(CTX), t)).toEqual([]);
  });
});

describe("offline-notified", () => {
  const persist = (t: number, mid: string) => [t, "message-queue-1", "msg.persist", { mid, recipients: ["client-2:u1"] }] as [number, string, string, Record<string, unknown>];
  const tick = (t: number) => [t, "client-1", "tick", {}] as [number, string, string, Record<string, unknown>];
  it("fails when neither a device ack nor a push follows within notifyMs (clock starts at heal)", () => {
    const v = check(offlineNotified.create(CTX), traceOf([persist(1200, "m1"), tick(1800)]));
    expect(v).toHaveLength(1);
    expect(v[0].message).toContain("client-2:u1");
  });
  it("fails when the only push came before the persist", () => {
    const t = traceOf([[1100, "notification-service-1", "push.sent", { user: "client-2:u1" }], persist(1200, "m1"), tick(1800)]);
    expect(check(offlineNotified.create(CTX), t)).toHaveLength(1);
  });
  it("passes with a push, a device ack, or a persist during faults acked soon after heal", () => {
    const t = traceOf([
      persist(200, "m3"),
      persist(1200, "m1"),
      persist(1250, "m2"),
      [1300, "notification-service-1", "push.sent", { user: "client-2:u1" }],
      show(1450, "m3", 1),
      tick(2900),
    ]);
    expect(check(offlineNotified.create(CTX), t)).toEqual([]);
  });
  it("starts the clock at the first persist: a retried send persisted again later keeps the first deadline", () => {
    // Pushed after the first persist; the copy persisted at 1400 (deduplicated by the store) needs no second push.
    const late = traceOf([persist(1200, "m1"), [1300, "notification-service-1", "push.sent", { user: "client-2:u1" }], persist(1400, "m1"), tick(2000)]);
    expect(check(offlineNotified.create(CTX), late)).toEqual([]);
    // And the first deadline still binds when no push follows.
    expect(check(offlineNotified.create(CTX), traceOf([persist(1200, "m1"), persist(1400, "m1"), tick(1800)]))).toHaveLength(1);
  });
});

describe("no-lost-message", () => {
  // CTX: faults until 1000 ms, the run ends at 3000 ms: messages accepted by 2000 ms are judged.
  const accepted = (t: number, mid: string) => [t, "api-server-1", "msg.accepted", { mid, recipients: ["client-2:u1"] }] as [number, string, string, Record<string, unknown>];
  it("fails when a message accepted before the second half of the heal phase is never shown", () => {
    const v = check(noLostMessage.create(CTX), traceOf([accepted(1900, "m1"), [2990, "client-1", "tick", {}]]));
    expect(v).toHaveLength(1);
    expect(v[0].message).toContain("m1 -> client-2:u1");
  });
  it("passes when it is shown, and does not judge one accepted too late to arrive", () => {
    const t = traceOf([accepted(500, "m1"), [900, "client-2", "msg.display", { mid: "m1", recipient: "client-2:u1" }], accepted(2100, "m2"), [2990, "client-1", "tick", {}]]);
    expect(check(noLostMessage.create(CTX), t)).toEqual([]);
  });
});
