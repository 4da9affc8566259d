import type { Position, ViewReply } from "../worker/protocol.ts";

/**
 * Latest-wins view requests: while one is with the worker, newer ones
 * replace each other, so dragging the timeline or playing never queues up
 * stale work.
 */
export class ViewPump {
  private inFlight = false;
  private next: { at: Position; gen: number } | null = null;

  constructor(
    private readonly fetch: (at: Position) => Promise<ViewReply>,
    private readonly onView: (reply: ViewReply, at: Position, gen: number) => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  request(at: Position, gen: number): void {
    this.next = { at, gen };
    if (!this.inFlight) void this.flush();
  }

  get idle(): boolean {
    return !this.inFlight && this.next === null;
  }

  private async flush(): Promise<void> {
    this.inFlight = true;
    while (this.next) {
      const { at, gen } = this.next;
      this.next = null;
      try {
        this.onView(await this.fetch(at), at, gen);
      } catch (err) {
        this.onError(err);
      }
    }
    this.inFlight = false;
  }
}
