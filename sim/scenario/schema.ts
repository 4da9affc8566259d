import { z } from "zod";
import { ROLES } from "../roles.ts";
import { FAULT_KINDS, faultScheduleSchema } from "./faults.ts";

const ms = z.number().finite().nonnegative();

export const distSchema = z.union([
  ms,
  z.object({ dist: z.literal("const"), ms }).strict(),
  z.object({ dist: z.literal("uniform"), min: ms, max: ms }).strict(),
  z.object({ dist: z.literal("exp"), mean: ms, min: ms.optional() }).strict(),
  z.object({ dist: z.literal("normal"), mean: ms, sd: ms, min: ms.optional() }).strict(),
  z.object({ dist: z.literal("lognormal"), median: ms, sigma: z.number().nonnegative(), min: ms.optional() }).strict(),
]);

export const capacitySchema = z
  .object({
    serviceMs: distSchema,
    concurrency: z.number().int().positive(),
    queueLimit: z.number().int().nonnegative(),
  })
  .strict();

const role = z.enum(ROLES);

/** A triggered fault the generator may add, aimed at a protocol's narrow window. */
const triggerSchema = z
  .object({
    event: z.string().min(1),
    kind: z.enum(["crash", "pause", "partition"]),
    /** Role whose nodes the fault hits (one picked at random); default: one of the generator's targets. */
    targetRole: role.optional(),
    /** "emitter": hit the node that recorded the triggering event (`"node": "$event"` in the schedule). */
    target: z.enum(["emitter"]).optional(),
    probability: z.number().min(0).max(1),
    delayMs: ms.optional(),
    durationMs: ms.optional(),
  })
  .strict()
  .refine((t) => !(t.target && t.targetRole), { message: "give `targetRole` or `target`, not both", path: ["target"] });

export const generatorSchema = z
  .object({
    kinds: z.array(z.enum(FAULT_KINDS)).min(1),
    meanIntervalMs: z.number().positive(),
    maxConcurrent: z.number().int().positive(),
    safetyMs: ms,
    healMs: ms,
    /** Roles that may be crashed or paused; default: every server role. */
    targetRoles: z.array(role).optional(),
    /** Mean length of a fault, ms; default meanIntervalMs. */
    meanDurationMs: z.number().positive().optional(),
    triggers: z.array(triggerSchema).optional(),
  })
  .strict();

export const workloadSchema = z
  .object({
    users: z.number().int().positive(),
    messages: z.number().int().nonnegative(),
    ratePerSec: z.number().positive(),
    connectChurn: z.number().min(0).max(1),
  })
  .catchall(z.unknown());

export const scenarioSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes"),
    title: z.string().optional(),
    description: z.string().optional(),
    diagram: z
      .object({
        file: z.string().min(1),
        /** Design title (case-insensitive) or 0-based index on a multi-design canvas. */
        design: z.union([z.string(), z.number().int().nonnegative()]).optional(),
      })
      .strict(),
    model: z.string().min(1),
    /** Drawn nodes that stand for a cluster of N machines (see clusters.ts). */
    clusters: z.record(z.string(), z.number().int().min(1).max(32)).optional(),
    /** Role and id overrides by Excalidraw element id. */
    nodes: z.record(z.string(), z.object({ role: role.optional(), id: z.string().min(1).optional() }).strict()).optional(),
    capacity: z
      .object({
        default: capacitySchema.optional(),
        roles: z.partialRecord(role, capacitySchema).optional(),
        nodes: z.record(z.string(), capacitySchema).optional(),
      })
      .strict()
      .optional(),
    network: z
      .object({
        latencyMs: distSchema.optional(),
        links: z.array(z.object({ from: z.string(), to: z.string(), latencyMs: distSchema }).strict()).optional(),
        connBreakDetectMs: ms.optional(),
      })
      .strict()
      .optional(),
    workload: workloadSchema,
    faults: faultScheduleSchema.optional(),
    generator: generatorSchema,
    invariants: z.array(z.string()).min(1),
    variants: z.array(z.string()).optional(),
    seeds: z.object({ from: z.number().int(), to: z.number().int() }).strict().optional(),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type FaultGenerator = z.infer<typeof generatorSchema>;
