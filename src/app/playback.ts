/** Longest frame step (ms of wall time) the clock takes, so a background tab does not leap. */
const MAX_FRAME_MS = 250;

/**
 * The playback clock: advances virtual time by wall time x speed each
 * animation frame and asks for the world at that time.
 */
export class Playback {
  private raf = 0;
  private last = 0;

  constructor(private readonly onFrame: (wallMs: number) => void) {}

  get running(): boolean {
    return this.raf !== 0;
  }

  start(): void {
    if (this.raf) return;
    this.last = performance.now();
    this.raf = requestAnimationFrame(this.tick);
  }

  stop(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  private tick = (ts: number): void => {
    const dt = Math.min(Math.max(0, ts - this.last), MAX_FRAME_MS);
    this.last = ts;
    this.raf = requestAnimationFrame(this.tick);
    this.onFrame(dt);
  };
}
