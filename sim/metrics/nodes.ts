import type { World } from "../kernel/world.ts";

export interface NodeMetrics {
  readonly role: string;
  /** Busy servers over capacity, averaged over the run (0..1). */
  readonly utilisation: number;
  readonly maxQueue: number;
  readonly handled: number;
  readonly rejected: number;
}

/** Per-node load figures from the kernel's capacity model. */
export function nodeMetrics(world: World): Record<string, NodeMetrics> {
  const out: Record<string, NodeMetrics> = {};
  const span = Math.max(world.now, 1e-9);
  for (const n of world.nodes) {
    if (!n.capacity) continue;
    const busyMs = n.busyMs + n.busy * (world.now - n.lastBusyChange);
    out[n.id] = {
      role: n.role,
      utilisation: Math.round((busyMs / (span * n.capacity.concurrency)) * 1000) / 1000,
      maxQueue: n.maxWaiting,
      handled: n.handled,
      rejected: n.rejected,
    };
  }
  return out;
}
