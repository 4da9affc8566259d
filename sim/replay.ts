import { z } from "zod";
import { InputError, formatPath } from "./errors.ts";
import { faultScheduleSchema } from "./scenario/faults.ts";

/**
 * A replay file: everything needed to rerun one case and check that it
 * still breaks the same invariant at the same event with the same trace.
 */
export const replaySchema = z
  .object({
    version: z.literal(1),
    scenario: z.string().min(1),
    variant: z.string(),
    seed: z.number().int(),
    workload: z.record(z.string(), z.unknown()),
    faults: faultScheduleSchema,
    untilMs: z.number().nonnegative().optional(),
    healMs: z.number().nonnegative(),
    expect: z
      .object({
        invariant: z.string().min(1),
        event: z.number().int().nonnegative(),
        traceHash: z.string().regex(/^[0-9a-f]{16}$/, "16 hex digits"),
      })
      .strict(),
    /** How to open it: the command and the app URL (informational). */
    command: z.string().optional(),
    url: z.string().optional(),
  })
  .strict();

export type ReplayFile = z.infer<typeof replaySchema>;

export function parseReplay(json: unknown, where: string): ReplayFile {
  const r = replaySchema.safeParse(json);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new InputError(where, formatPath(first.path), first.message);
  }
  return r.data;
}
