import type { Problem } from "../scenario/errors.ts";
import type { FindReply, FindRequest, OpenReply, OpenRequest, ViewReply, ViewRequest, WorkerReply, WorkerRequest } from "./protocol.ts";

/** A Problem thrown across the worker boundary. */
export class WorkerProblem extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.where}: ${problem.message}`);
  }
}

/** Promise-based calls to the session worker. */
export class SessionClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: unknown) => void; reject: (e: unknown) => void }>();

  constructor() {
    this.worker = new Worker(new URL("./session.worker.ts", import.meta.url), { type: "module" });
    this.worker.onmessage = (ev: MessageEvent<WorkerReply>) => {
      const r = ev.data;
      const w = this.waiting.get(r.id);
      if (!w) return;
      this.waiting.delete(r.id);
      if (r.ok) w.resolve(r);
      else w.reject(new WorkerProblem(r.problem));
    };
    this.worker.onerror = (ev) => {
      const problem = { where: "simulation worker", message: ev.message || "the worker failed to start" };
      for (const w of this.waiting.values()) w.reject(new WorkerProblem(problem));
      this.waiting.clear();
    };
  }

  private call<T>(req: WorkerRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.worker.postMessage({ ...req, id });
    });
  }

  open(req: Omit<OpenRequest, "type">): Promise<OpenReply> {
    return this.call({ type: "open", ...req });
  }

  view(req: Omit<ViewRequest, "type">): Promise<ViewReply> {
    return this.call({ type: "view", ...req });
  }

  find(req: Omit<FindRequest, "type">): Promise<FindReply> {
    return this.call({ type: "find", ...req });
  }
}
