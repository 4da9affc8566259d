import { bindEventNode, usesEventNode, type FaultEntry, type FaultSchedule } from "../scenario/faults.ts";
import { networkCut } from "./network.ts";
import { Kind, type KernelEvent } from "./types.ts";
import type { World } from "./world.ts";

/** A fault waiting for a trace event (`after`). Fires once. */
export interface FaultTrigger {
  readonly event: string;
  readonly node?: string;
  readonly delayMs: number;
  readonly fault: FaultEntry;
  readonly faultId: number;
  fired: boolean;
}

/** Puts timed faults on the queue and registers triggered ones. */
export function scheduleFaults(world: World, faults: FaultSchedule): void {
  faults.forEach((fault, faultId) => {
    if (fault.at !== undefined) world.pushWorld(fault.at, Kind.Fault, undefined, { fault, faultId });
    else if (fault.after) {
      world.triggers.push({
        event: fault.after.event,
        node: fault.after.node,
        delayMs: fault.after.delayMs ?? 0,
        fault,
        faultId,
        fired: false,
      });
    }
  });
}

/** When a fault that lasts ends, absolute. */
function faultEnd(world: World, f: FaultEntry): number | undefined {
  if (f.durationMs !== undefined) return world.now + f.durationMs;
  return f.until;
}

/** Applies one fault-schedule entry now. `faultId` is its index in the schedule. */
export function applyFault(world: World, f: FaultEntry, faultId: number): void {
  const end = faultEnd(world, f);
  // A node fault aimed at "$event" records which node it hit.
  const trigger = world.triggers.find((t) => t.faultId === faultId);
  const target = trigger && usesEventNode(trigger.fault) && "node" in f ? { node: f.node } : {};
  world.emit({ type: "fault", name: f.kind, data: { fault: faultId, ...(end !== undefined ? { until: end } : {}), ...target } });
  switch (f.kind) {
    case "crash": {
      const node = world.nodes[world.nodeIndex(f.node)];
      world.crash(node);
      if (end !== undefined) world.pushWorld(Math.max(end, world.now), Kind.FaultEnd, "restart", { data: f.node });
      return;
    }
    case "restart":
      world.restart(world.nodes[world.nodeIndex(f.node)]);
      return;
    case "pause":
      world.pause(world.nodes[world.nodeIndex(f.node)], Math.max(end ?? world.now, world.now));
      return;
    case "partition": {
      const id = world.net.nextFaultId++;
      world.net.partitions.push({ id, groups: f.groups });
      for (const c of [...world.net.conns.values()]) {
        if (networkCut(world.net, c.a, c.b)) world.breakConn(c.id, "partition");
      }
      if (end !== undefined) world.pushWorld(Math.max(end, world.now), Kind.FaultEnd, "link", { data: id });
      return;
    }
    case "drop":
    case "duplicate":
    case "delay": {
      const id = world.net.nextFaultId++;
      world.net.faults.push({
        id,
        kind: f.kind,
        from: f.from,
        to: f.to,
        probability: f.kind === "delay" ? 1 : f.probability,
        extraMs: f.kind === "delay" ? f.extraMs : 0,
        jitterMs: f.kind === "delay" ? (f.jitterMs ?? 0) : 0,
      });
      if (end !== undefined) world.pushWorld(Math.max(end, world.now), Kind.FaultEnd, "link", { data: id });
      return;
    }
    case "heal":
      world.net.faults = [];
      world.net.partitions = [];
      return;
  }
}

/** The `until` of a fault: restart the crashed node, or lift a link fault. */
export function endFault(world: World, e: KernelEvent): void {
  if (e.name === "restart") {
    const node = world.nodes[world.nodeIndex(e.data as string)];
    if (node.status === "crashed") world.restart(node);
    return;
  }
  const id = e.data as number;
  const before = world.net.faults.length + world.net.partitions.length;
  world.net.faults = world.net.faults.filter((f) => f.id !== id);
  world.net.partitions = world.net.partitions.filter((p) => p.id !== id);
  if (world.net.faults.length + world.net.partitions.length !== before) {
    world.emit({ type: "fault", name: "lifted", data: { link: id } });
  }
}

/** A trace event happened: schedules every waiting `after` fault it matches (once each, safety phase only). */
export function fireTriggers(world: World, type: string, name: string | undefined, node: string | undefined): void {
  if (world.phase !== "safety") return;
  for (const t of world.triggers) {
    if (t.fired || (t.event !== type && t.event !== name) || (t.node !== undefined && t.node !== node)) continue;
    // An entry aimed at "$event" waits for a matching event that has a node.
    const fault = bindEventNode(t.fault, node);
    if (!fault) continue;
    t.fired = true;
    world.pushWorld(world.now + t.delayMs, Kind.Fault, undefined, { fault, faultId: t.faultId });
  }
}

/** The heal phase: every fault cleared, crashed nodes restarted, paused ones resumed. */
export function startHeal(world: World): void {
  world.phase = "heal";
  world.net.faults = [];
  world.net.partitions = [];
  for (const node of world.nodes) {
    if (node.status === "crashed") world.restart(node);
    else if (node.status === "paused") world.resume(node);
  }
}
