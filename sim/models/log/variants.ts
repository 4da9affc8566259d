import type { VariantDef } from "../../model.ts";

/** The bug variants: each switches one mechanism off; the invariants named catch it. */
export const LOG_VARIANTS: readonly VariantDef[] = [
  { name: "no-idempotence", description: "the leader appends retried batches again instead of answering with their original offsets", caughtBy: ["no-duplicate"] },
  {
    name: "no-fencing",
    description: "leaders accept writes from stale producer epochs without KIP-890 verification, and the group coordinator accepts commits from stale generations and unknown members",
    caughtBy: ["fenced-zombies", "exactly-once-output"],
  },
  { name: "read-uncommitted", description: "read_committed consumers read up to the high watermark and keep aborted records", caughtBy: ["no-aborted-read"] },
  { name: "commit-before-process", description: "a plain consumer commits the polled offsets before it processes the records", caughtBy: ["no-poll-skip"] },
  { name: "offsets-outside-txn", description: "the consume-transform-produce app auto-commits its input offsets apart from the output transaction", caughtBy: ["exactly-once-output"] },
  { name: "no-marker-recovery", description: "a newly loaded transaction coordinator forgets transactions in PrepareCommit/PrepareAbort", caughtBy: ["txn-atomicity", "txn-resolves"] },
];
