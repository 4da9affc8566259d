import type { TraceEvent } from "../kernel/trace.ts";
import { summarize, type LatencySummary } from "./stats.ts";

/** One time bucket of the metrics series, for plots. */
export interface MetricsBucket {
  /** Bucket start, ms. */
  readonly t: number;
  delivered: number;
  sent: number;
  requests: number;
  rejected: number;
  dropped: number;
  latencies: number[];
}

/** Reads the trace and builds a model's metrics. */
export interface MetricsCollector {
  onEvent(e: TraceEvent): void;
  result(): Record<string, unknown>;
  /** Per-bucket series (latency percentiles, throughput, requests). */
  series(): SeriesPoint[];
}

export interface SeriesPoint {
  readonly t: number;
  readonly delivered: number;
  readonly requests: number;
  readonly rejected: number;
  readonly p50: number;
  readonly p99: number;
  /** A model's own series, one chart each: "title (unit)" -> the bucket's value. */
  readonly extra?: Readonly<Record<string, number>>;
}

/** Width of a series bucket, ms. */
export const SERIES_BUCKET_MS = 1000;

/**
 * The message-level metrics most models share: application messages sent
 * (observation `msg.send`), delivered (`msg.display`, with `latencyMs`),
 * network requests per delivered message, rejects and drops.
 */
export class MessageMetrics implements MetricsCollector {
  private readonly buckets: MetricsBucket[] = [];
  private readonly latencies: number[] = [];
  private sent = 0;
  private delivered = 0;
  private requests = 0;
  private rejected = 0;
  private dropped = 0;

  constructor(private readonly bucketMs = SERIES_BUCKET_MS) {}

  private bucket(t: number): MetricsBucket {
    const k = Math.floor(t / this.bucketMs);
    while (this.buckets.length <= k) {
      this.buckets.push({ t: this.buckets.length * this.bucketMs, delivered: 0, sent: 0, requests: 0, rejected: 0, dropped: 0, latencies: [] });
    }
    return this.buckets[k];
  }

  onEvent(e: TraceEvent): void {
    switch (e.type) {
      case "send":
        this.requests++;
        this.bucket(e.t).requests++;
        return;
      case "reject":
        this.rejected++;
        this.bucket(e.t).rejected++;
        return;
      case "drop":
        this.dropped++;
        this.bucket(e.t).dropped++;
        return;
      case "observe":
        if (e.name === "msg.send") {
          this.sent++;
          this.bucket(e.t).sent++;
        } else if (e.name === "msg.display") {
          const latency = Number(e.data?.latencyMs ?? 0);
          this.delivered++;
          this.latencies.push(latency);
          const b = this.bucket(e.t);
          b.delivered++;
          b.latencies.push(latency);
        }
        return;
    }
  }

  result(): Record<string, unknown> {
    const latencyMs: LatencySummary = summarize(this.latencies);
    return {
      messagesSent: this.sent,
      messagesDelivered: this.delivered,
      latencyMs,
      requests: this.requests,
      requestsPerDelivered: this.delivered ? Math.round((this.requests / this.delivered) * 100) / 100 : null,
      rejected: this.rejected,
      dropped: this.dropped,
    };
  }

  series(): SeriesPoint[] {
    return this.buckets.map((b) => {
      const s = summarize(b.latencies);
      return { t: b.t, delivered: b.delivered, requests: b.requests, rejected: b.rejected, p50: s.p50, p99: s.p99 };
    });
  }
}
