/** A one-line progress bar on stderr, redrawn at most ten times a second; silent when not a terminal. */
export class Progress {
  private done = 0;
  private failures = 0;
  private lastDraw = 0;
  private readonly started = performance.now();
  private readonly enabled: boolean;

  constructor(private readonly total: number, enabled: boolean) {
    this.enabled = enabled && Boolean(process.stderr.isTTY);
  }

  tick(failed: boolean): void {
    this.done++;
    if (failed) this.failures++;
    const now = performance.now();
    if (this.enabled && (now - this.lastDraw > 100 || this.done === this.total)) {
      this.lastDraw = now;
      this.draw();
    }
  }

  get seedsPerSec(): number {
    const secs = (performance.now() - this.started) / 1000;
    return secs > 0 ? Math.round((this.done / secs) * 10) / 10 : 0;
  }

  private draw(): void {
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    const bar = "#".repeat(filled) + ".".repeat(width - filled);
    process.stderr.write(`\r[${bar}] ${this.done}/${this.total} seeds  ${this.seedsPerSec} seeds/s  failures: ${this.failures}   `);
    if (this.done === this.total) process.stderr.write("\n");
  }
}
