import type { TraceEvent } from "../../kernel/trace.ts";
import type { Violation } from "../../kernel/types.ts";
import { BaseChecker, type CheckContext, type InvariantDef } from "../checker.ts";
import { LogView } from "./logView.ts";

/**
 * txn-atomicity: a transaction (producer id, epoch) becomes visible
 * everywhere or nowhere. Markers carry the bumped epoch (v2), so marker
 * epoch - 1 names the transaction. Online: no partition or offsets commit
 * may disagree with another or with the coordinator's decision. After heal:
 * a transaction committed anywhere must be committed on every partition it
 * wrote to and for the offsets it sent.
 */
class TxnAtomicity extends BaseChecker {
  private readonly view = new LogView();
  private readonly decision = new Map<string, string>();
  private readonly results = new Map<string, Map<string, { result: string; ev: TraceEvent }>>();
  private readonly offsets = new Map<string, { group: string; ev: TraceEvent }>();

  constructor(private readonly ctx: CheckContext) {
    super();
  }

  onEvent(e: TraceEvent): void {
    this.view.onEvent(e);
    if (e.type !== "observe") return;
    const d = e.data ?? {};
    if (e.name === "txn.state" && (d.to === "PrepareCommit" || d.to === "PrepareAbort")) {
      this.decision.set(`${d.pid}:${Number(d.epoch) - 1}`, d.to === "PrepareCommit" ? "COMMIT" : "ABORT");
    } else if (e.name === "txn.marker") this.result(e, `${d.pid}:${Number(d.epoch) - 1}`, String(d.partition), String(d.result));
    else if (e.name === "group.txn-marker") this.result(e, `${d.pid}:${Number(d.epoch) - 1}`, `offsets:${d.group}`, String(d.result));
    else if (e.name === "group.commit" && d.pid !== undefined) this.offsets.set(`${d.pid}:${d.epoch}`, { group: String(d.group), ev: e });
  }

  private result(e: TraceEvent, txn: string, where: string, result: string): void {
    const m = this.results.get(txn) ?? new Map();
    this.results.set(txn, m);
    const decided = this.decision.get(txn);
    if (decided && decided !== result) this.report(e, `transaction ${txn} was decided ${decided} but ${where} got a ${result} marker`, [e.node ?? ""]);
    for (const [other, r] of m) {
      if (r.result !== result && other !== where) this.report(e, `transaction ${txn}: ${where} got ${result} but ${other} got ${r.result}`, [e.node ?? ""]);
    }
    if (!m.has(where)) m.set(where, { result, ev: e });
  }

  override finish(_last: TraceEvent): Violation[] {
    if (this.ctx.endMs <= this.ctx.safetyMs) return this.violations;
    const wrote = new Map<string, Map<string, TraceEvent>>();
    for (const p of this.view.parts.keys()) {
      for (const x of this.view.committed(p)) {
        if (!x.txn || x.control) continue;
        const k = `${x.pid}:${x.pepoch}`;
        if (!wrote.has(k)) wrote.set(k, new Map());
        wrote.get(k)!.set(p, x.ev);
      }
    }
    for (const [txn, o] of this.offsets) {
      if (!wrote.has(txn)) wrote.set(txn, new Map());
      wrote.get(txn)!.set(`offsets:${o.group}`, o.ev);
    }
    for (const [txn, parts] of wrote) {
      const got = this.results.get(txn) ?? new Map();
      const committedSomewhere = [...got.values()].some((r) => r.result === "COMMIT");
      if (!committedSomewhere) continue;
      const missing = [...parts.keys()].filter((p) => got.get(p)?.result !== "COMMIT");
      if (missing.length) {
        const ev = [...got.values()][0].ev;
        this.report(ev, `transaction ${txn} is only partly visible: committed on ${[...got.keys()].join(", ")} but not on ${missing.join(", ")}`, [ev.node ?? ""]);
      }
    }
    return this.violations;
  }
}

export const txnAtomicity: InvariantDef = {
  name: "txn-atomicity",
  description: "all of a transaction's records and offsets become visible, or none",
  kind: "safety",
  create: (ctx) => new TxnAtomicity(ctx),
};
