import type { Point } from "../topology.ts";
import { DiagramError } from "./error.ts";

/** A non-deleted Excalidraw element, checked and reduced to the fields the importer reads. */
export interface ExElement {
  /** Position in the scene's `elements` array (stable tie-breaker). */
  readonly index: number;
  readonly id: string;
  readonly type: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Innermost group first, outermost last (Excalidraw's order). */
  readonly groupIds: readonly string[];
  readonly frameId?: string;
  readonly name?: string;
  readonly text?: string;
  readonly containerId?: string;
  readonly fontSize?: number;
  /** Points relative to (x, y), for arrows and lines. */
  readonly points?: readonly Point[];
  readonly startBindingId?: string;
  readonly endBindingId?: string;
  readonly startArrowhead: boolean;
  readonly endArrowhead: boolean;
}

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function finite(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function optString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function requireString(raw: Json, key: string, at: string): string {
  const value = raw[key];
  if (typeof value !== "string" || value === "") {
    throw new DiagramError(`${at}.${key}`, value === undefined ? "missing" : "must be a non-empty string");
  }
  return value;
}

function requireNumber(raw: Json, key: string, at: string): number {
  const value = finite(raw[key]);
  if (value === undefined) {
    throw new DiagramError(`${at}.${key}`, raw[key] === undefined ? "missing" : "must be a finite number");
  }
  return value;
}

function bindingId(value: unknown): string | undefined {
  return isObject(value) ? optString(value.elementId) : undefined;
}

function readPoints(value: unknown, at: string): Point[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new DiagramError(`${at}.points`, "must be an array of [x, y] pairs");
  return value.map((p, i) => {
    const x = Array.isArray(p) ? finite(p[0]) : undefined;
    const y = Array.isArray(p) ? finite(p[1]) : undefined;
    if (x === undefined || y === undefined) {
      throw new DiagramError(`${at}.points[${i}]`, "must be a pair of finite numbers");
    }
    return { x, y };
  });
}

/** Checks one raw element; throws DiagramError naming the field at fault. */
export function readElement(raw: unknown, index: number): ExElement {
  const at = `elements[${index}]`;
  if (!isObject(raw)) throw new DiagramError(at, "must be an object");
  const groupIds = Array.isArray(raw.groupIds) ? raw.groupIds.filter((g): g is string => typeof g === "string") : [];
  return {
    index,
    id: requireString(raw, "id", at),
    type: requireString(raw, "type", at),
    x: requireNumber(raw, "x", at),
    y: requireNumber(raw, "y", at),
    width: finite(raw.width) ?? 0,
    height: finite(raw.height) ?? 0,
    groupIds,
    frameId: optString(raw.frameId),
    name: optString(raw.name),
    text: typeof raw.text === "string" ? raw.text : undefined,
    containerId: optString(raw.containerId),
    fontSize: finite(raw.fontSize),
    points: readPoints(raw.points, at),
    startBindingId: bindingId(raw.startBinding),
    endBindingId: bindingId(raw.endBinding),
    startArrowhead: optString(raw.startArrowhead) !== undefined,
    endArrowhead: optString(raw.endArrowhead) !== undefined,
  };
}
