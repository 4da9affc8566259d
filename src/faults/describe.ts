import type { FaultEntry } from "../../sim/api.ts";

/** A one-line reading of a fault entry: "crash api-1 at 120 ms until 900 ms". */
export function describeFault(f: FaultEntry): string {
  // "$event": the node that recorded the triggering event.
  const n = (id: string) => (id === "$event" ? `the node that recorded ${f.after?.event ?? "the event"}` : id);
  const what = (() => {
    switch (f.kind) {
      case "crash":
      case "restart":
      case "pause":
        return `${f.kind} ${n(f.node)}`;
      case "partition":
        return `partition ${f.groups.map((g) => `{${g.map(n).join(", ")}}`).join(" | ")}`;
      case "drop":
        return `loss ${pct(f.probability)} ${n(f.from)} → ${n(f.to)}`;
      case "duplicate":
        return `duplicate ${pct(f.probability)} ${n(f.from)} → ${n(f.to)}`;
      case "delay":
        return `delay +${f.extraMs} ms${f.jitterMs ? ` ±${f.jitterMs}` : ""} ${n(f.from)} → ${n(f.to)}`;
      case "heal":
        return "heal everything";
    }
  })();
  const when = f.at !== undefined ? `at ${f.at} ms` : `after ${f.after?.event}${f.after?.node ? ` on ${f.after.node}` : ""}${f.after?.delayMs ? ` +${f.after.delayMs} ms` : ""}`;
  const end = f.until !== undefined ? ` until ${f.until} ms` : f.durationMs !== undefined ? ` for ${f.durationMs} ms` : "";
  return `${what} ${when}${end}`;
}

function pct(p: number): string {
  return `${Math.round(p * 100)}%`;
}
