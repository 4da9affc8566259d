import { encodeFaultsParam } from "./scenario/urlFaults.ts";
import type { FaultSchedule } from "./scenario/faults.ts";

export interface AppLink {
  readonly scenario: string;
  readonly seed: number;
  readonly variant?: string;
  readonly faults?: FaultSchedule;
  /** Trace event index to open at. */
  readonly t?: number;
  /** Workload message count, when it differs from the scenario's. */
  readonly messages?: number;
}

/** The browser app's address for one run at one moment (the URL contract). */
export function appUrl(base: string, link: AppLink): string {
  const params = new URLSearchParams();
  params.set("scenario", link.scenario);
  params.set("seed", String(link.seed));
  if (link.variant) params.set("variant", link.variant);
  // Always present ("W10" is none), as in the app's own URLs: it reads a link without faults as an older one.
  params.set("faults", encodeFaultsParam(link.faults ?? []));
  if (link.messages !== undefined) params.set("messages", String(link.messages));
  if (link.t !== undefined) params.set("t", String(link.t));
  return `${base.replace(/\/?$/, "/")}?${params.toString()}`;
}
