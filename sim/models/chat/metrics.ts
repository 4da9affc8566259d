import type { TraceEvent } from "../../kernel/trace.ts";
import { MessageMetrics, SERIES_BUCKET_MS, type MetricsCollector, type SeriesPoint } from "../../metrics/collector.ts";
import { GroupMetrics } from "./groupMetrics.ts";

/**
 * Chat metrics: the shared message figures (latency percentiles, requests
 * per delivered message, rejects) plus what the chat stages trade:
 * messages in flight, polls, gap pulls, replays, pushes and spurious pushes
 * (a push to a user whose socket was up), and for groups what fan-out on
 * write and on read cost (groupMetrics.ts).
 */
export class ChatMetrics implements MetricsCollector {
  private readonly base = new MessageMetrics();
  private readonly groups = new GroupMetrics();
  private readonly waiting = new Map<string, number>();
  /** Shown before the sender's service recorded the acceptance (store-triggered delivery is that fast). */
  private readonly early = new Map<string, number>();
  private inFlight = 0;
  private maxInFlight = 0;
  private inFlightMs = 0;
  private lastT = 0;
  private readonly live = new Set<string>();
  /** Per series bucket: most messages in flight, pushes sent. */
  private readonly buckets: { inFlight: number; pushes: number }[] = [];
  private readonly counts = { accepted: 0, notificationsSent: 0, spuriousPushes: 0, pulls: 0, replays: 0, duplicateRetries: 0, registryMisses: 0 };

  private advance(t: number): void {
    this.inFlightMs += this.inFlight * (t - this.lastT);
    this.lastT = t;
  }

  private bucket(t: number): { inFlight: number; pushes: number } {
    const k = Math.floor(t / SERIES_BUCKET_MS);
    while (this.buckets.length <= k) this.buckets.push({ inFlight: this.inFlight, pushes: 0 });
    const b = this.buckets[k];
    b.inFlight = Math.max(b.inFlight, this.inFlight);
    return b;
  }

  onEvent(e: TraceEvent): void {
    this.base.onEvent(e);
    this.groups.onEvent(e);
    if (e.type === "send" && e.mtype === "c.pull") this.counts.pulls++;
    if (e.type !== "observe") return;
    this.advance(e.t);
    const d = e.data ?? {};
    switch (e.name) {
      case "msg.accepted": {
        const mid = String(d.mid);
        if (this.waiting.has(mid)) return;
        this.counts.accepted++;
        const left = (d.recipients as unknown[]).length - (this.early.get(mid) ?? 0);
        this.waiting.set(mid, left);
        if (left <= 0) return;
        this.inFlight++;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        this.bucket(e.t);
        return;
      }
      case "msg.display": {
        const mid = String(d.mid);
        const left = this.waiting.get(mid);
        if (left === undefined) return void this.early.set(mid, (this.early.get(mid) ?? 0) + 1);
        if (left <= 0) return;
        this.waiting.set(mid, left - 1);
        if (left === 1) this.inFlight--;
        this.bucket(e.t);
        return;
      }
      case "session.up":
        return void this.live.add(String(d.user));
      case "session.down":
        return void this.live.delete(String(d.user));
      case "push.sent":
        this.counts.notificationsSent++;
        this.bucket(e.t).pushes++;
        if (this.live.has(String(d.user))) this.counts.spuriousPushes++;
        return;
      case "replay":
        if (Number(d.count) > 0) this.counts.replays++;
        return;
      case "msg.dedup":
        this.counts.duplicateRetries++;
        return;
      case "route.offline":
      case "push.miss":
        this.counts.registryMisses++;
        return;
    }
  }

  result(): Record<string, unknown> {
    const span = Math.max(this.lastT, 1);
    return {
      ...this.base.result(),
      ...this.counts,
      inFlight: { max: this.maxInFlight, mean: Math.round((this.inFlightMs / span) * 100) / 100, atEnd: this.inFlight },
      ...(this.groups.active ? this.groups.result() : {}),
    };
  }

  series(): SeriesPoint[] {
    const perSec = 1000 / SERIES_BUCKET_MS;
    return this.base.series().map((p, k) => {
      // Past the last change the count stays where the run left it.
      const b = this.buckets[k] ?? { inFlight: this.inFlight, pushes: 0 };
      return { ...p, extra: { "messages in flight (most)": b.inFlight, "pushes (per s)": b.pushes * perSec } };
    });
  }
}
