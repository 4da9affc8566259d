import { type Role, isRole } from "../roles.ts";
import { DiagramError } from "./error.ts";
import { isObject } from "./element.ts";

export interface RoleOverride {
  readonly role?: Role;
  readonly id?: string;
}

/**
 * Collects overrides per node (by any element id of the node); the later
 * entry wins per field. Unknown element ids are reported as warnings; a
 * malformed override is a DiagramError.
 */
export function overridesByNode(
  overrides: Record<string, RoleOverride> | undefined,
  owner: ReadonlyMap<string, string>,
  liveNodes: ReadonlySet<string>,
  warnings: string[],
): Map<string, RoleOverride> {
  const result = new Map<string, RoleOverride>();
  if (overrides === undefined) return result;
  if (!isObject(overrides)) throw new DiagramError("overrides", "must be an object keyed by element id");
  for (const [elementId, override] of Object.entries(overrides)) {
    const at = `overrides.${elementId}`;
    if (!isObject(override)) throw new DiagramError(at, "must be an object { role?, id? }");
    if (override.role !== undefined && !isRole(override.role)) throw new DiagramError(`${at}.role`, `unknown role ${JSON.stringify(override.role)}`);
    if (override.id !== undefined && (typeof override.id !== "string" || override.id.trim() === "")) {
      throw new DiagramError(`${at}.id`, "must be a non-empty string");
    }
    const key = owner.get(elementId);
    if (key === undefined || !liveNodes.has(key)) {
      warnings.push(`${at}: element ${JSON.stringify(elementId)} is not part of any node; override ignored`);
      continue;
    }
    const previous = result.get(key) ?? {};
    result.set(key, {
      role: (override.role as Role | undefined) ?? previous.role,
      id: (override.id as string | undefined) ?? previous.id,
    });
  }
  return result;
}
