/**
 * The transaction coordinator's states and its legal transitions (Kafka's
 * TransactionState, protocol v2), and no others. "none" is a transactional
 * id the coordinator has never seen.
 */
export const TXN_STATES = ["Empty", "Ongoing", "PrepareCommit", "PrepareAbort", "PrepareEpochFence", "CompleteCommit", "CompleteAbort", "Dead"] as const;
export type TxnStateName = (typeof TXN_STATES)[number];

const COMPLETE_OR_EMPTY: TxnStateName[] = ["Empty", "CompleteCommit", "CompleteAbort"];

/** to -> the states it may be entered from. */
const ENTERED_FROM: Record<TxnStateName, readonly (TxnStateName | "none")[]> = {
  Empty: ["none", ...COMPLETE_OR_EMPTY], // first init; init with an epoch bump
  Ongoing: [...COMPLETE_OR_EMPTY, "Ongoing"], // AddPartitionsToTxn / AddOffsetsToTxn
  PrepareCommit: ["Ongoing"],
  PrepareAbort: ["Ongoing", "PrepareEpochFence", ...COMPLETE_OR_EMPTY], // v2: abort with nothing open
  PrepareEpochFence: ["Ongoing"], // init while open, or timeout
  CompleteCommit: ["PrepareCommit"],
  CompleteAbort: ["PrepareAbort"],
  Dead: COMPLETE_OR_EMPTY, // transactional.id expiry
};

export function legalTransition(from: TxnStateName | "none", to: TxnStateName): boolean {
  return ENTERED_FROM[to]?.includes(from) ?? false;
}

export const isPrepare = (s: TxnStateName) => s === "PrepareCommit" || s === "PrepareAbort" || s === "PrepareEpochFence";
export const isComplete = (s: TxnStateName) => s === "CompleteCommit" || s === "CompleteAbort";
