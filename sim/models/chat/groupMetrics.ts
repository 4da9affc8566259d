import type { TraceEvent } from "../../kernel/trace.ts";
import { summarize } from "../../metrics/stats.ts";
import { isGroup } from "./groups.ts";

/** The figures of the groups of one initial size. */
interface SizeBucket {
  large: boolean;
  groups: number;
  messages: number;
  recipients: number;
  /** Copies (and mention entries) written to members' queues. */
  writes: number;
  fanoutMs: number[];
  pulls: number;
  delivered: number;
  latencyMs: number[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Group metrics, per initial group size: writes per group message (the
 * stored message plus one copy per recipient for fan-out on write; just
 * the stored one, plus mentions, for pulled groups), fan-out latency (from
 * acceptance to the Group Worker's last write), and pull requests per
 * delivered message: the numbers that say when to switch to pulling.
 * Reads `group.create`, `group.accept`, `group.write`, `group.fanout.done`,
 * `group.pull` and `msg.display`.
 */
export class GroupMetrics {
  private readonly sizeOf = new Map<string, number>();
  private readonly accepted = new Map<string, number>();
  private readonly bySize = new Map<number, SizeBucket>();

  get active(): boolean {
    return this.sizeOf.size > 0;
  }

  private bucket(group: unknown): SizeBucket | undefined {
    const size = this.sizeOf.get(String(group));
    return size === undefined ? undefined : this.bySize.get(size);
  }

  onEvent(e: TraceEvent): void {
    if (e.type !== "observe") return;
    const d = e.data ?? {};
    switch (e.name) {
      case "group.create": {
        const size = Number(d.size);
        this.sizeOf.set(String(d.group), size);
        if (!this.bySize.has(size)) this.bySize.set(size, { large: d.large === true, groups: 0, messages: 0, recipients: 0, writes: 0, fanoutMs: [], pulls: 0, delivered: 0, latencyMs: [] });
        this.bySize.get(size)!.groups++;
        return;
      }
      case "group.accept": {
        const b = this.bucket(d.group);
        if (!b || this.accepted.has(String(d.mid))) return;
        this.accepted.set(String(d.mid), e.t);
        b.messages++;
        b.recipients += ((d.members as unknown[]) ?? []).length;
        return;
      }
      case "group.write":
        return void (this.bucket(d.group) && this.bucket(d.group)!.writes++);
      case "group.fanout.done": {
        const at = this.accepted.get(String(d.mid));
        if (at !== undefined && d.kind === "msg") this.bucket(d.group)?.fanoutMs.push(e.t - at);
        return;
      }
      case "group.pull":
        return void (this.bucket(d.group) && this.bucket(d.group)!.pulls++);
      case "msg.display": {
        const b = isGroup(String(d.conv ?? "")) ? this.bucket(d.conv) : undefined;
        if (!b) return;
        b.delivered++;
        b.latencyMs.push(Number(d.latencyMs ?? 0));
        return;
      }
    }
  }

  /** Flat figures (the CLI prints one level): totals, then one line per group size. */
  result(): Record<string, unknown> {
    const all = [...this.bySize.values()];
    const sum = (f: (b: SizeBucket) => number) => all.reduce((s, b) => s + f(b), 0);
    const messages = sum((b) => b.messages);
    const delivered = sum((b) => b.delivered);
    const out: Record<string, unknown> = {
      groupMessages: messages,
      groupWritesPerMessage: messages ? round2((messages + sum((b) => b.writes)) / messages) : null,
      groupFanoutMs: summarize(all.flatMap((b) => b.fanoutMs)),
      groupPullsPerDelivered: delivered ? round2(sum((b) => b.pulls) / delivered) : null,
    };
    for (const [size, b] of [...this.bySize].sort((x, y) => x[0] - y[0])) {
      const fan = summarize(b.fanoutMs);
      const lat = summarize(b.latencyMs);
      out[`groupSize${size}`] = {
        mode: b.large ? "pull" : "write",
        groups: b.groups,
        messages: b.messages,
        recipientsPerMessage: b.messages ? round2(b.recipients / b.messages) : 0,
        writesPerMessage: b.messages ? round2((b.messages + b.writes) / b.messages) : 0,
        fanoutP50: fan.p50,
        fanoutP99: fan.p99,
        pullsPerDelivered: b.delivered ? round2(b.pulls / b.delivered) : 0,
        delivered: b.delivered,
        latencyP50: lat.p50,
        latencyP99: lat.p99,
      };
    }
    return out;
  }
}
