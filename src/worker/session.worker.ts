/// <reference lib="webworker" />
import { Session, viewTransferables, type WorldView } from "../../sim/api.ts";
import { compileSource } from "../scenario/catalog.ts";
import { describeError } from "../scenario/errors.ts";
import type { FindReply, OpenReply, Position, ViewReply, WorkerReply, WorkerRequest } from "./protocol.ts";

/**
 * The simulation's thread: compiles the scenario from the same files as the
 * page, runs the Session (the whole run, once) and answers view requests,
 * so the page stays smooth while a long run computes.
 */
let session: Session | null = null;

function place(s: Session, at: Position | null): WorldView {
  if (at === null) return s.view();
  if ("index" in at) return at.index < 0 ? s.seekTime(0) : s.seek(at.index);
  if ("time" in at) return s.seekTime(at.time);
  return s.advanceTo(at.advance);
}

function reply(s: Session, req: { at: Position | null; inspect?: string | null; recent?: boolean }): ViewReply {
  const placed = place(s, req.at);
  // Each view crosses to the page by structured clone: leave out what no panel shows.
  const view = req.recent ? placed : { ...placed, recent: [] };
  return { view, inspection: req.inspect ? (s.inspect(req.inspect) ?? null) : null };
}

async function handle(req: WorkerRequest): Promise<OpenReply | ViewReply | FindReply> {
  if (req.type === "open") {
    session = null;
    const compiled = await compileSource(req.source);
    const s = new Session(compiled, { seed: req.seed, variant: req.variant, faults: req.faults, messages: req.messages });
    session = s;
    return { ...reply(s, req), result: s.result, markers: s.markers, total: s.totalEvents, busy: s.busy };
  }
  if (!session) throw { where: "simulation", message: "no run is open" };
  if (req.type === "find") return { index: session.find(req.from, req.dir, req.target) };
  return reply(session, req);
}

let queue: Promise<void> = Promise.resolve();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (ev: MessageEvent<WorkerRequest & { id: number }>) => {
  const req = ev.data;
  queue = queue.then(async () => {
    let msg: WorkerReply;
    try {
      msg = { id: req.id, ok: true, ...(await handle(req)) };
    } catch (err) {
      msg = { id: req.id, ok: false, problem: describeError(err, "simulation") };
    }
    // The view's typed arrays move to the page instead of being copied.
    scope.postMessage(msg, msg.ok && "view" in msg ? viewTransferables(msg.view) : []);
  });
};
