import type { ChatSettings } from "./settings.ts";

/**
 * The groups of a run, g0..g(N-1), laid out from the workload alone so
 * every node agrees on them without asking: group k starts with
 * groupSizes[k % length] consecutive users, and is read by pulling its
 * stream (fan-out on read) when that size is above largeGroupThreshold.
 * A group keeps its mode for the whole run (switching a live group would
 * need a marker entry in its stream; not modelled).
 */
export interface GroupDef {
  readonly id: string;
  readonly size: number;
  readonly members: readonly string[];
  /** Members pull the group's stream instead of getting a copy each. */
  readonly large: boolean;
}

export function groupLayout(s: ChatSettings): GroupDef[] {
  const out: GroupDef[] = [];
  for (let k = 0; k < s.groups; k++) {
    const size = Math.min(s.groupSizes[k % s.groupSizes.length], s.users);
    const start = (k * 7) % s.users;
    const members: string[] = [];
    for (let i = 0; i < size; i++) members.push(`u${(start + i) % s.users}`);
    out.push({ id: `g${k}`, size, members, large: size > s.largeGroupThreshold });
  }
  return out;
}

/** Group conversations are named g0, g1...; one-to-one ones `u1~u2`. */
export function isGroup(conv: string): boolean {
  return conv.startsWith("g");
}

/** A recipient list as stored with a group message: user ids joined by commas. */
export function listOf(joined: string): string[] {
  return joined === "" ? [] : joined.split(",");
}
