import type { InvariantDef } from "../checker.ts";
import { txnAtomicity } from "./atomicity.ts";
import { exactlyOnceOutput } from "./exactlyOnce.ts";
import { fencedZombies } from "./fencing.ts";
import { allConsumed, noPollSkip } from "./groups.ts";
import { monotonicOffsets } from "./monotonic.ts";
import { noAbortedRead, noPrecommittedRead } from "./reads.ts";
import { txnResolves, txnStateMachine } from "./txnStates.ts";
import { noDuplicate, noLostWrite } from "./writes.ts";

/** Transactions run: a transactional producer, or consume-transform-produce apps. */
const withTxns = (w: Readonly<Record<string, unknown>>) => w.producerMode === "transactional" || ((w.apps as unknown[] | undefined)?.length ?? 0) > 0;
const txnOnly = (def: InvariantDef): InvariantDef => ({ ...def, appliesTo: withTxns });

/** The message log's invariants (issue 5), each a pure reader of the trace's log.*, txn.* and group.* observations. */
export const LOG_INVARIANTS: readonly InvariantDef[] = [
  noLostWrite,
  noDuplicate,
  txnOnly(noAbortedRead),
  txnOnly(noPrecommittedRead),
  noPollSkip,
  monotonicOffsets,
  txnOnly(txnAtomicity),
  txnOnly(exactlyOnceOutput),
  fencedZombies,
  txnOnly(txnStateMachine),
  txnOnly(txnResolves),
  allConsumed,
];
