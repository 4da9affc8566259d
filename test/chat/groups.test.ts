import { describe, expect, it } from "vitest";
import { groupSnapshot } from "../../sim/check/chat/group.ts";
import { mentionNotified } from "../../sim/check/chat/notified.ts";
import { CTX, check, traceOf } from "./trace.ts";

type Row = [number, string, string, Record<string, unknown>];

const A = "client-1:u0";
const B = "client-2:u1";
const C = "client-3:u2";
const D = "client-4:u3";

const join = (t: number, user: string): Row => [t, "group-db-1", "group.join", { group: "g0", user }];
const leave = (t: number, user: string): Row => [t, "group-db-1", "group.leave", { group: "g0", user }];
const accept = (t: number, members: string[], mentions: string[] = []): Row => [t, "group-db-1", "group.accept", { mid: "m1", group: "g0", seq: 1, from: A, members, mentions }];
const write = (t: number, member: string): Row => [t, "messaging-db-1", "group.write", { mid: "m1", group: "g0", member, kind: "msg" }];
const done = (t: number): Row => [t, "group-worker-1", "group.fanout.done", { mid: "m1", group: "g0", kind: "msg" }];
const show = (t: number, recipient: string): Row => [t, recipient.split(":")[0], "msg.display", { mid: "m1", recipient, conv: "g0", seq: 1 }];
const push = (t: number, user: string): Row => [t, "group-worker-1", "push.sent", { user }];

/** A, B and C are members; A sends m1; D joins and C leaves right after. */
const start: Row[] = [join(0, A), join(0, B), join(0, C), accept(10, [B, C]), join(11, D), leave(12, C)];

describe("group-snapshot", () => {
  it("fails when the fan-out reads membership live: a later joiner gets a copy", () => {
    const v = check(groupSnapshot.create(CTX), traceOf([...start, write(20, B), write(21, D), done(22)]));
    expect(v.map((x) => x.message).join("\n")).toContain(`to ${D}, who was not a member when it was accepted`);
    expect(v.map((x) => x.message).join("\n")).toContain(`without writing to ${C}`);
  });
  it("fails when a non-member is shown the message or named a recipient", () => {
    expect(check(groupSnapshot.create(CTX), traceOf([...start, write(20, B), write(21, C), show(30, D)]))).toHaveLength(1);
    const acked: Row = [15, "send-service-1", "msg.accepted", { mid: "m1", recipients: [B, C, D] }];
    expect(check(groupSnapshot.create(CTX), traceOf([...start, acked]))).toHaveLength(1);
  });
  it("fails when the recipients at acceptance are not the members then", () => {
    const v = check(groupSnapshot.create(CTX), traceOf([join(0, A), join(0, B), join(0, C), accept(10, [B, D])]));
    expect(v).toHaveLength(1);
    expect(v[0].message).toContain(`leaves out member(s) ${C}`);
    expect(v[0].message).toContain(`names non-member(s) ${D}`);
  });
  it("passes the snapshot: the leaver still gets it, the joiner does not", () => {
    const t = traceOf([...start, write(20, B), write(21, C), done(22), show(30, B), show(31, C), [32, "send-service-1", "msg.accepted", { mid: "m1", recipients: [B, C] }]]);
    expect(check(groupSnapshot.create(CTX), t)).toEqual([]);
  });
});

describe("mention-notified", () => {
  const ctx = { ...CTX, workload: { mentionMs: 500 } };
  const tick = (t: number): Row => [t, "client-1", "tick", {}];
  it("fails when a mentioned recipient neither sees the message nor gets a push (clock starts at heal)", () => {
    const v = check(mentionNotified.create(ctx), traceOf([accept(1200, [B, C], [C]), tick(1800)]));
    expect(v).toHaveLength(1);
    expect(v[0].message).toContain(C);
  });
  it("fails when the only push came before the acceptance", () => {
    expect(check(mentionNotified.create(ctx), traceOf([push(1100, C), accept(1200, [B, C], [C]), tick(1800)]))).toHaveLength(1);
  });
  it("passes with a push after acceptance, a display, or a mention of a non-recipient", () => {
    const t = traceOf([accept(200, [B, C], [C, D]), push(1300, C), tick(1400), show(1450, B), tick(2900)]);
    expect(check(mentionNotified.create(ctx), t)).toEqual([]);
    expect(check(mentionNotified.create(ctx), traceOf([accept(1200, [B, C], [B]), show(1300, B), tick(2900)]))).toEqual([]);
  });
});
