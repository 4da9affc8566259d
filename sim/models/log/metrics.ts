import type { TraceEvent } from "../../kernel/trace.ts";
import type { MetricsCollector, SeriesPoint } from "../../metrics/collector.ts";
import { summarize } from "../../metrics/stats.ts";

interface Bucket {
  delivered: number;
  requests: number;
  rejected: number;
  latencies: number[];
}

/**
 * The log's metrics, from the trace: produce latency (send to acks=all
 * acknowledgement), end-to-end latency (creation to processing by a plain
 * consumer), records processed per second, aborted transactions, rebalances
 * and network requests per record delivered to an application.
 */
export class LogMetrics implements MetricsCollector {
  private readonly buckets: Bucket[] = [];
  private readonly produce: number[] = [];
  private readonly e2e: number[] = [];
  private readonly delivered = new Set<string>();
  private readonly aborted = new Set<string>();
  private readonly committed = new Set<string>();
  private processed = 0;
  private sent = 0;
  private requests = 0;
  private rejected = 0;
  private rebalances = 0;
  private duplicates = 0;
  private end = 0;

  constructor(private readonly bucketMs = 1000) {}

  private bucket(t: number): Bucket {
    const k = Math.floor(t / this.bucketMs);
    while (this.buckets.length <= k) this.buckets.push({ delivered: 0, requests: 0, rejected: 0, latencies: [] });
    return this.buckets[k];
  }

  onEvent(e: TraceEvent): void {
    this.end = e.t;
    if (e.type === "send") {
      this.requests++;
      this.bucket(e.t).requests++;
    } else if (e.type === "reject") {
      this.rejected++;
      this.bucket(e.t).rejected++;
    } else if (e.type === "observe") this.observe(e, e.data ?? {});
  }

  private observe(e: TraceEvent, d: Readonly<Record<string, unknown>>): void {
    switch (e.name) {
      case "log.send":
        this.sent++;
        return;
      case "log.ack":
        if (!String(d.partition).startsWith("__")) this.produce.push(Number(d.latencyMs));
        if (d.duplicate) this.duplicates++;
        return;
      case "log.process": {
        this.processed++;
        const b = this.bucket(e.t);
        if (!this.delivered.has(String(d.id))) b.delivered++;
        this.delivered.add(String(d.id));
        if (d.latencyMs !== undefined) {
          this.e2e.push(Number(d.latencyMs));
          b.latencies.push(Number(d.latencyMs));
        }
        return;
      }
      case "txn.state":
        if (d.to === "CompleteAbort") this.aborted.add(`${d.txnId}:${d.epoch}`);
        if (d.to === "CompleteCommit") this.committed.add(`${d.txnId}:${d.epoch}`);
        return;
      case "group.rebalance":
        this.rebalances++;
        return;
    }
  }

  result(): Record<string, unknown> {
    const seconds = Math.max(this.end, 1) / 1000;
    return {
      recordsSent: this.sent,
      recordsDelivered: this.delivered.size,
      recordsProcessed: this.processed,
      recordsPerSec: Math.round((this.processed / seconds) * 10) / 10,
      produceLatencyMs: summarize(this.produce),
      endToEndLatencyMs: summarize(this.e2e),
      transactionsCommitted: this.committed.size,
      transactionsAborted: this.aborted.size,
      duplicateRetriesAnswered: this.duplicates,
      rebalances: this.rebalances,
      requests: this.requests,
      requestsPerDelivered: this.delivered.size ? Math.round((this.requests / this.delivered.size) * 10) / 10 : null,
      rejected: this.rejected,
    };
  }

  series(): SeriesPoint[] {
    return this.buckets.map((b, i) => {
      const s = summarize(b.latencies);
      return { t: i * this.bucketMs, delivered: b.delivered, requests: b.requests, rejected: b.rejected, p50: s.p50, p99: s.p99 };
    });
  }
}
