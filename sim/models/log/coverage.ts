import type { TraceEvent } from "../../kernel/trace.ts";
import type { CoverageDef } from "../../model.ts";

/** A detector that is reached once `test` has seen what it waits for. */
function detector(test: (e: TraceEvent, state: Record<string, unknown>) => boolean): CoverageDef["create"] {
  return () => {
    const state: Record<string, unknown> = {};
    let reached = false;
    return {
      onEvent(e: TraceEvent) {
        if (!reached && test(e, state)) reached = true;
      },
      get reached() {
        return reached;
      },
    };
  };
}

const obs = (e: TraceEvent, name: string) => e.type === "observe" && e.name === name;

/** The situations worth reaching in sweeps (read from the trace, like checkers). */
export const LOG_COVERAGE: readonly CoverageDef[] = [
  {
    name: "coordinator-crash-after-prepare",
    description: "the transaction coordinator crashed between a durable PrepareCommit/PrepareAbort and the end of its markers",
    create: detector((e, s) => {
      if (obs(e, "txn.prepare-commit") || obs(e, "txn.prepare-abort")) s.open = e.node;
      if (obs(e, "txn.state") && String(e.data?.to).startsWith("Complete")) s.open = undefined;
      return e.type === "crash" && s.open !== undefined && e.node === s.open;
    }),
  },
  {
    name: "rebalance-during-transaction",
    description: "a consumer group rebalanced while a consume-transform-produce transaction was open",
    create: detector((e, s) => {
      const open = (s.open as Set<string>) ?? (s.open = new Set<string>());
      if (obs(e, "txn.begin") && String(e.data?.txnId).startsWith("app-")) open.add(String(e.data?.txnId));
      if (obs(e, "txn.ended") || obs(e, "app.fenced")) open.delete(String(e.data?.txnId ?? `app-${e.node}`));
      return obs(e, "group.rebalance") && e.data?.group === "app" && open.size > 0;
    }),
  },
  {
    name: "duplicate-retry",
    description: "a retried batch was recognised by the leader and answered with its original offsets",
    create: detector((e) => obs(e, "log.duplicate")),
  },
  {
    name: "fenced-zombie-write",
    description: "a zombie's write or commit was refused: a stale producer epoch, coordinator epoch or group generation",
    create: detector((e) => obs(e, "txn.offsets-fenced") || obs(e, "txn.marker-fenced") || (obs(e, "app.fenced") && /FENCED|EPOCH/.test(String(e.data?.error)))),
  },
  {
    name: "leader-failover-truncation",
    description: "a follower truncated its log where it diverged from a new leader (KIP-101)",
    create: detector((e) => obs(e, "log.truncate") && Number(e.data?.to) < Number(e.data?.from)),
  },
  {
    name: "transaction-timeout",
    description: "the coordinator fenced and aborted a transaction that outlived its timeout",
    create: detector((e) => obs(e, "txn.timeout")),
  },
];
