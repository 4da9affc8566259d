import type { TraceEvent } from "../../kernel/trace.ts";
import type { Violation } from "../../kernel/types.ts";
import { legalTransition, type TxnStateName } from "../../models/log/txn/states.ts";
import { BaseChecker, judgedUntil, type InvariantDef } from "../checker.ts";

/** Durable coordinator transitions (`txn.state`, once per `__transaction_state` record). */
function newTransition(e: TraceEvent, seen: Set<string>): Record<string, unknown> | null {
  if (e.type !== "observe" || e.name !== "txn.state") return null;
  const key = `${e.data!.partition}@${e.data!.offset}`;
  if (seen.has(key)) return null;
  seen.add(key);
  return e.data as Record<string, unknown>;
}

/** txn-state-machine: each transactional id moves only along the legal transitions, from the state it was last in, never to an older epoch. */
class TxnStateMachine extends BaseChecker {
  private readonly seen = new Set<string>();
  private readonly state = new Map<string, { to: string; epoch: number }>();

  onEvent(e: TraceEvent): void {
    const d = newTransition(e, this.seen);
    if (!d) return;
    const id = String(d.txnId);
    const from = String(d.from);
    const to = String(d.to);
    const prev = this.state.get(id);
    if (!legalTransition(from as TxnStateName | "none", to as TxnStateName)) this.report(e, `${id}: illegal transition ${from} -> ${to}`, [e.node ?? ""]);
    else if ((prev?.to ?? "none") !== from) this.report(e, `${id}: transition ${from} -> ${to}, but the durable state was ${prev?.to ?? "none"}`, [e.node ?? ""]);
    else if (prev && Number(d.epoch) < prev.epoch) this.report(e, `${id}: epoch went back from ${prev.epoch} to ${d.epoch}`, [e.node ?? ""]);
    this.state.set(id, { to, epoch: Number(d.epoch) });
  }
}

/** txn-resolves: after heal no transaction is left open or prepared (per producer id). */
class TxnResolves extends BaseChecker {
  private readonly seen = new Set<string>();
  private readonly state = new Map<string, { to: string; ev: TraceEvent }>();

  /** Judges transactions whose last transition came before the second half of the heal phase. */
  constructor(private readonly by: number) {
    super();
  }

  onEvent(e: TraceEvent): void {
    const d = newTransition(e, this.seen);
    if (d) this.state.set(`${d.txnId} (producer ${d.pid})`, { to: String(d.to), ev: e });
  }

  override finish(_last: TraceEvent): Violation[] {
    for (const [id, s] of this.state) {
      if ((s.to === "Ongoing" || s.to.startsWith("Prepare")) && s.ev.t <= this.by) this.report(s.ev, `${id} never completed: still ${s.to} after heal`, [s.ev.node ?? ""]);
    }
    return this.violations;
  }
}

export const txnStateMachine: InvariantDef = {
  name: "txn-state-machine",
  description: "the coordinator's durable transitions are only the legal ones, each from the state before",
  kind: "safety",
  create: () => new TxnStateMachine(),
};

export const txnResolves: InvariantDef = {
  name: "txn-resolves",
  description: "after heal every transaction has completed (no Ongoing or Prepare* left)",
  kind: "liveness",
  create: (ctx) => new TxnResolves(judgedUntil(ctx)),
};
