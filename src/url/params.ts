import { decodeFaultsParam, encodeFaultsParam, InputError, type FaultSchedule } from "../../sim/api.ts";
import type { Problem } from "../scenario/errors.ts";

/** What the URL asks for, before it is checked against the scenario. */
export interface UrlRequest {
  readonly scenario?: string;
  readonly seed?: number;
  readonly variant?: string;
  readonly faults?: FaultSchedule;
  /** Workload message count (a shrunk case from `msgsim sweep` sets it). */
  readonly messages?: number;
  /** Event index (the trace's `i`): the moment a link opens at. */
  readonly t?: number;
  /** Virtual time in ms: another way to name the moment (`t` wins when both are given). */
  readonly at?: number;
  /** A `faults` parameter was given but could not be read. */
  readonly badFaults?: boolean;
  readonly problems: readonly Problem[];
}

/** Parses `?scenario=&seed=&variant=&faults=&messages=&t=&at=`; bad values become problems naming the parameter. */
export function parseUrl(search: string): UrlRequest {
  const q = new URLSearchParams(search);
  const problems: Problem[] = [];
  const out: { -readonly [K in keyof UrlRequest]: UrlRequest[K] } = { problems };
  const scenario = q.get("scenario");
  if (scenario !== null) out.scenario = scenario;
  const seed = q.get("seed");
  if (seed !== null) {
    if (/^-?\d+$/.test(seed.trim()) && Number.isSafeInteger(Number(seed))) out.seed = Number(seed);
    else problems.push({ where: "URL parameter seed", message: `"${seed}" is not an integer; using the default seed` });
  }
  const variant = q.get("variant");
  if (variant !== null) out.variant = variant;
  const faults = q.get("faults");
  if (faults !== null) {
    try {
      out.faults = decodeFaultsParam(faults);
    } catch (err) {
      const reason = err instanceof InputError ? `${err.path ? err.path + ": " : ""}${err.reason}` : String(err);
      problems.push({ where: "URL parameter faults", message: `${reason}; using the scenario's own faults` });
      out.badFaults = true;
    }
  }
  const messages = q.get("messages");
  if (messages !== null) {
    if (/^\d+$/.test(messages.trim()) && Number(messages) >= 1) out.messages = Number(messages);
    else problems.push({ where: "URL parameter messages", message: `"${messages}" is not a positive whole number; using the scenario's workload` });
  }
  const t = q.get("t");
  if (t !== null) {
    if (/^\d+$/.test(t.trim())) out.t = Number(t);
    else problems.push({ where: "URL parameter t", message: `"${t}" is not an event index (a whole number); starting at the beginning` });
  }
  const at = q.get("at");
  if (at !== null) {
    if (/^\d+(\.\d+)?$/.test(at.trim())) out.at = Number(at);
    else problems.push({ where: "URL parameter at", message: `"${at}" is not a time in ms (a number like 1250 or 1250.5); starting at the beginning` });
  }
  return out;
}

export interface UrlState {
  readonly scenario: string | null;
  readonly seed: number;
  readonly variant: string;
  /** Always written (`W10` for none): a link names the schedule it ran with. */
  readonly faults: FaultSchedule;
  /** Omitted (null) when the scenario's own workload is used. */
  readonly messages: number | null;
  readonly t: number;
}

export function formatUrl(s: UrlState): string {
  const q = new URLSearchParams();
  if (s.scenario) q.set("scenario", s.scenario);
  q.set("seed", String(s.seed));
  if (s.variant) q.set("variant", s.variant);
  q.set("faults", encodeFaultsParam(s.faults));
  if (s.messages !== null) q.set("messages", String(s.messages));
  if (s.t >= 0) q.set("t", String(s.t));
  return `?${q.toString()}`;
}
