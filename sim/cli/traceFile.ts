import { closeSync, openSync, writeSync } from "node:fs";
import { InputError } from "../errors.ts";
import type { TraceEvent, TraceListener } from "../kernel/trace.ts";

/** Streams the trace to a JSON Lines file without keeping it in memory. */
export class TraceFile {
  private readonly fd: number;
  private buffer: string[] = [];

  constructor(path: string) {
    try {
      this.fd = openSync(path, "w");
    } catch (err) {
      throw new InputError("--trace", "", `cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
  }

  readonly listener: TraceListener = (e: TraceEvent) => {
    this.buffer.push(JSON.stringify(e));
    if (this.buffer.length >= 2000) this.flush();
  };

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join("\n") + "\n");
    this.buffer = [];
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
