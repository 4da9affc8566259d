import { z } from "zod";
import { InputError, formatPath } from "../errors.ts";

/**
 * The fault-schedule contract: a JSON array of entries, each with a `kind`
 * and either `at` (virtual ms) or `after` (fire when the trace next records
 * that event type or observation name, optionally on one node, plus
 * `delayMs`). `until` is an absolute time; `durationMs` is relative to when
 * the fault fires (the form to use with `after`). In an `after` entry a
 * node may be `"$event"`: the node that recorded the triggering event.
 */
export const FAULT_KINDS = ["crash", "restart", "pause", "partition", "drop", "duplicate", "delay", "heal"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const ms = z.number().finite().nonnegative();
const nodeId = z.string().min(1);
const endpoint = z.string().min(1); // node id or "*"

const timing = {
  at: ms.optional(),
  after: z
    .object({ event: z.string().min(1), node: nodeId.optional(), delayMs: ms.optional() })
    .strict()
    .optional(),
  until: ms.optional(),
  durationMs: ms.optional(),
  /** Free text shown in the UI and kept in replay files. */
  note: z.string().optional(),
};

const entry = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("crash"), node: nodeId, ...timing }).strict(),
  z.object({ kind: z.literal("restart"), node: nodeId, ...timing }).strict(),
  z.object({ kind: z.literal("pause"), node: nodeId, ...timing }).strict(),
  z.object({ kind: z.literal("partition"), groups: z.array(z.array(nodeId).min(1)).min(2), ...timing }).strict(),
  z
    .object({ kind: z.literal("drop"), from: endpoint, to: endpoint, probability: z.number().min(0).max(1), ...timing })
    .strict(),
  z
    .object({
      kind: z.literal("duplicate"),
      from: endpoint,
      to: endpoint,
      probability: z.number().min(0).max(1),
      ...timing,
    })
    .strict(),
  z
    .object({ kind: z.literal("delay"), from: endpoint, to: endpoint, extraMs: ms, jitterMs: ms.optional(), ...timing })
    .strict(),
  z.object({ kind: z.literal("heal"), ...timing }).strict(),
]);

/** In a triggered entry (`after`), a node field set to this means the node that recorded the triggering event. */
export const EVENT_NODE = "$event";

/** Whether an entry names the triggering event's node anywhere. */
export function usesEventNode(f: FaultEntry): boolean {
  return ("node" in f && f.node === EVENT_NODE) || ("from" in f && f.from === EVENT_NODE) || ("to" in f && f.to === EVENT_NODE) || (f.kind === "partition" && f.groups.some((g) => g.includes(EVENT_NODE)));
}

/**
 * The entry with `$event` replaced by the node that recorded the event
 * (in a partition, that node also leaves the other groups); null when the
 * event has no node.
 */
export function bindEventNode(f: FaultEntry, node: string | undefined): FaultEntry | null {
  if (!usesEventNode(f)) return f;
  if (node === undefined) return null;
  const id = (x: string) => (x === EVENT_NODE ? node : x);
  if (f.kind === "partition") {
    const groups = f.groups.map((g) => (g.includes(EVENT_NODE) ? g.map(id) : g.filter((x) => x !== node))).filter((g) => g.length > 0);
    return { ...f, groups };
  }
  if ("node" in f) return { ...f, node: id(f.node) };
  if ("from" in f) return { ...f, from: id(f.from), to: id(f.to) };
  return f;
}

export const faultEntrySchema = entry.superRefine((f, ctx) => {
  if (f.at !== undefined && usesEventNode(f)) {
    ctx.addIssue({ code: "custom", message: `"${EVENT_NODE}" stands for the node that recorded the \`after\` event; an entry with \`at\` has none` });
  }
  if ((f.at === undefined) === (f.after === undefined)) {
    ctx.addIssue({ code: "custom", message: "needs exactly one of `at` (ms) or `after` ({event, node?, delayMs?})" });
  }
  if (f.until !== undefined && f.durationMs !== undefined) {
    ctx.addIssue({ code: "custom", path: ["until"], message: "give `until` or `durationMs`, not both" });
  }
  if (f.kind === "pause" && f.until === undefined && f.durationMs === undefined) {
    ctx.addIssue({ code: "custom", path: ["until"], message: "a pause needs `until` or `durationMs`" });
  }
  if (f.at !== undefined && f.until !== undefined && f.until < f.at) {
    ctx.addIssue({ code: "custom", path: ["until"], message: `ends (${f.until}) before it starts (at ${f.at})` });
  }
});

export const faultScheduleSchema = z.array(faultEntrySchema);

export type FaultEntry = z.infer<typeof entry>;
export type FaultSchedule = FaultEntry[];

/** Formats zod issues as "path: message" lines under a prefix path. */
export function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): string[] {
  return error.issues.map((issue) => {
    const path = formatPath([...prefix, ...issue.path]);
    return `${path || "(top level)"}: ${issue.message}`;
  });
}

/** Validates a parsed fault schedule; throws InputError naming the entry and field. */
export function parseFaultSchedule(value: unknown, where: string): FaultSchedule {
  const result = faultScheduleSchema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    const rest = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : "";
    throw new InputError(where, formatPath(first.path), first.message + rest);
  }
  return result.data;
}

/** Checks that every node a schedule names exists. */
export function checkFaultNodes(faults: FaultSchedule, nodeIds: ReadonlySet<string>, where: string): void {
  const known = (id: string, path: string) => {
    if (id !== "*" && id !== EVENT_NODE && !nodeIds.has(id)) {
      throw new InputError(where, path, `unknown node "${id}" (nodes: ${[...nodeIds].join(", ")})`);
    }
  };
  faults.forEach((f, i) => {
    if (f.after?.node) known(f.after.node, `[${i}].after.node`);
    if ("node" in f) known(f.node, `[${i}].node`);
    if ("from" in f) known(f.from, `[${i}].from`);
    if ("to" in f) known(f.to, `[${i}].to`);
    if (f.kind === "partition") f.groups.forEach((g, gi) => g.forEach((id, k) => known(id, `[${i}].groups[${gi}][${k}]`)));
  });
}
