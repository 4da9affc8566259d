import type { FaultEntry, TopologyEdge } from "../../sim/api.ts";

export const NODE_ACTIONS = [
  { action: "crash", label: "Crash", hint: "Crash the node now (it stays down until restarted)" },
  { action: "restart", label: "Restart", hint: "Restart the node now" },
  { action: "pause", label: "Pause 1 s", hint: "Freeze the node for one second" },
  { action: "inspect", label: "Inspect", hint: "Show the node's state in the Inspector" },
] as const;

export const EDGE_ACTIONS = [
  { action: "cut", label: "Cut link (1 s)", hint: "Drop every message both ways for one second" },
  { action: "heal", label: "Heal all links", hint: "End every partition and link fault now" },
  { action: "delay", label: "Add delay +100 ms", hint: "Add 100 ms (jitter 50 ms) along the arrow" },
  { action: "loss", label: "Loss 30%", hint: "Lose 30% of the messages along the arrow" },
  { action: "duplicate", label: "Duplicate 30%", hint: "Deliver 30% of the messages along the arrow twice" },
] as const;

export type NodeAction = (typeof NODE_ACTIONS)[number]["action"];
export type EdgeAction = (typeof EDGE_ACTIONS)[number]["action"];

const SECOND = 1000;

/** The fault entry a node menu choice adds at virtual time `at` (none for "inspect"). */
export function nodeFault(action: NodeAction, node: string, at: number): FaultEntry | null {
  switch (action) {
    case "crash":
      return { kind: "crash", node, at };
    case "restart":
      return { kind: "restart", node, at };
    case "pause":
      return { kind: "pause", node, at, until: at + SECOND };
    case "inspect":
      return null;
  }
}

/** Directions a link fault on this edge covers: along the arrow, or both ways for two-headed or plain lines. */
function directions(e: TopologyEdge): [string, string][] {
  return e.direction === "forward" ? [[e.from, e.to]] : [[e.from, e.to], [e.to, e.from]];
}

/** The fault entries an edge menu choice adds at virtual time `at`. */
export function edgeFaults(action: EdgeAction, e: TopologyEdge, at: number): FaultEntry[] {
  switch (action) {
    case "cut":
      return [
        { kind: "drop", from: e.from, to: e.to, probability: 1, at, until: at + SECOND },
        { kind: "drop", from: e.to, to: e.from, probability: 1, at, until: at + SECOND },
      ];
    case "heal":
      return [{ kind: "heal", at }];
    case "delay":
      return directions(e).map(([from, to]) => ({ kind: "delay", from, to, extraMs: 100, jitterMs: 50, at }));
    case "loss":
      return directions(e).map(([from, to]) => ({ kind: "drop", from, to, probability: 0.3, at }));
    case "duplicate":
      return directions(e).map(([from, to]) => ({ kind: "duplicate", from, to, probability: 0.3, at }));
  }
}
