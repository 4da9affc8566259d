import type { NodeView } from "../../sim/api.ts";

/** Token colours, picked by message type (stable across runs). */
const PALETTE = ["#1971c2", "#2f9e44", "#9c36b5", "#e8590c", "#0c8599", "#c2255c", "#5f3dc4", "#66a80f", "#d9480f", "#364fc7"];

const cache = new Map<string, string>();

export function messageColor(type: string): string {
  let c = cache.get(type);
  if (c === undefined) {
    let h = 0;
    for (let i = 0; i < type.length; i++) h = (Math.imul(h, 31) + type.charCodeAt(i)) | 0;
    c = PALETTE[Math.abs(h) % PALETTE.length];
    cache.set(type, c);
  }
  return c;
}

export const STATE_COLORS = {
  crashed: "#e03131",
  paused: "#f59f00",
  overloaded: "#fd7e14",
  up: "#2f9e44",
} as const;

export type NodeState = keyof typeof STATE_COLORS;

export function nodeState(n: NodeView): NodeState {
  if (n.status === "crashed") return "crashed";
  if (n.status === "paused") return "paused";
  return n.overloaded ? "overloaded" : "up";
}
