import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue, type QueuedEvent } from "../../sim/kernel/queue.ts";

interface E extends QueuedEvent {
  tag: number;
}

describe("EventQueue", () => {
  it("pops in (time, priority, insertion) order and skips cancelled events", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ time: fc.integer({ min: 0, max: 20 }), prio: fc.integer({ min: 0, max: 2 }), cancel: fc.boolean() }), { maxLength: 200 }),
        (items) => {
          const q = new EventQueue<E>();
          const pushed = items.map((it, tag) => {
            const e = q.push({ time: it.time, prio: it.prio, tag } as E);
            if (it.cancel) e.cancelled = true;
            return e;
          });
          const expected = pushed
            .filter((e) => !e.cancelled)
            .sort((a, b) => a.time - b.time || a.prio - b.prio || a.seq - b.seq)
            .map((e) => e.tag);
          const got: number[] = [];
          for (let e = q.pop(); e; e = q.pop()) got.push(e.tag);
          expect(got).toEqual(expected);
        },
      ),
    );
  });

  it("interleaves pushes and pops without losing order", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(-1)), { maxLength: 300 }), (ops) => {
        const q = new EventQueue<E>();
        let lastTime = -Infinity;
        let now = 0;
        for (const op of ops) {
          if (op < 0) {
            const e = q.pop();
            if (e) {
              expect(e.time).toBeGreaterThanOrEqual(lastTime);
              lastTime = e.time;
              now = e.time;
            }
          } else q.push({ time: now + op, prio: 0, tag: op } as E);
        }
      }),
    );
  });
});
