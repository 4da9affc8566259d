import type { TraceEvent } from "../../kernel/trace.ts";
import type { Violation } from "../../kernel/types.ts";
import { BaseChecker, judgedUntil, type CheckContext, type InvariantDef } from "../checker.ts";
import { isVisible, LogView, topicOfPartition } from "./logView.ts";

/**
 * exactly-once-output: each input record yields exactly one committed output
 * record (an output names its input in `src`). Inputs are the visible
 * committed records of the topics the producing app read; duplicates are
 * judged on the final log, missing outputs only after heal, for inputs
 * appended before the second half of the heal phase.
 */
class ExactlyOnceOutput extends BaseChecker {
  private readonly view = new LogView();
  private readonly inputTopics = new Set<string>();
  private readonly readers = new Map<string, string>();

  constructor(private readonly ctx: CheckContext) {
    super();
  }

  onEvent(e: TraceEvent): void {
    this.view.onEvent(e);
    if (e.type !== "observe") return;
    if (e.name === "log.read") this.readers.set(String(e.data!.id), topicOfPartition(String(e.data!.partition)));
    if (e.name === "log.append" && (e.data!.srcs as (string | null)[] | undefined)?.some((s) => s)) {
      for (const s of e.data!.srcs as (string | null)[]) if (s && this.readers.has(s)) this.inputTopics.add(this.readers.get(s)!);
    }
  }

  override finish(_last: TraceEvent): Violation[] {
    const outputs = new Map<string, { id: string; ev: TraceEvent }[]>();
    for (const p of this.view.parts.keys()) {
      const outcomes = this.view.outcomes(p);
      this.view.committed(p).forEach((x, o) => {
        if (x.src && isVisible(outcomes[o])) outputs.set(x.src, [...(outputs.get(x.src) ?? []), { id: x.id, ev: x.ev }]);
      });
    }
    for (const [src, outs] of outputs) {
      if (outs.length > 1) this.report(outs[1].ev, `input ${src} produced ${outs.length} committed outputs: ${outs.map((x) => x.id).join(", ")}`, [...new Set(outs.map((x) => x.ev.node ?? ""))]);
    }
    if (this.ctx.endMs <= this.ctx.safetyMs) return this.violations;
    for (const p of [...this.view.parts.keys()].filter((x) => this.inputTopics.has(topicOfPartition(x)))) {
      const outcomes = this.view.outcomes(p);
      const by = judgedUntil(this.ctx);
      const missing = this.view.committed(p).filter((x, o) => isVisible(outcomes[o]) && !outputs.has(x.id) && x.ev.t <= by);
      if (missing.length) this.report(missing[0].ev, `${missing.length} input record(s) of ${p} have no committed output: ${missing.slice(0, 5).map((x) => x.id).join(", ")}`, [missing[0].ev.node ?? ""]);
    }
    return this.violations;
  }
}

export const exactlyOnceOutput: InvariantDef = {
  name: "exactly-once-output",
  description: "each input record of a consume-transform-produce app yields exactly one committed output record",
  kind: "safety",
  create: (ctx) => new ExactlyOnceOutput(ctx),
};
