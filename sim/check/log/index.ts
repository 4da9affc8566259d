import type { InvariantDef } from "../checker.ts";
import { txnAtomicity } from "./atomicity.ts";
import { exactlyOnceOutput } from "./exactlyOnce.ts";
import { fencedZombies } from "./fencing.ts";
import { allConsumed, noPollSkip } from "./groups.ts";
import { monotonicOffsets } from "./monotonic.ts";
import { noAbortedRead, noPrecommittedRead } from "./reads.ts";
import { txnResolves, txnStateMachine } from "./txnStates.ts";
import { noDuplicate, noLostWrite } from "./writes.ts";

/** The message log's invariants (issue 5), each a pure reader of the trace's log.*, txn.* and group.* observations. */
export const LOG_INVARIANTS: readonly InvariantDef[] = [
  noLostWrite,
  noDuplicate,
  noAbortedRead,
  noPrecommittedRead,
  noPollSkip,
  monotonicOffsets,
  txnAtomicity,
  exactlyOnceOutput,
  fencedZombies,
  txnStateMachine,
  txnResolves,
  allConsumed,
];
