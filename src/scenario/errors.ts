import { DiagramError, InputError } from "../../sim/api.ts";

/** An error as the banner shows it: where, and why. Plain data (crosses the worker boundary). */
export interface Problem {
  readonly where: string;
  readonly message: string;
}

export function describeError(err: unknown, fallbackWhere = "app"): Problem {
  if (err instanceof InputError) return { where: err.path ? `${err.where}: ${err.path}` : err.where, message: err.reason };
  if (err instanceof DiagramError) return { where: `diagram ${err.location}`, message: err.reason };
  if (err && typeof err === "object" && "where" in err && "message" in err) {
    return { where: String((err as Problem).where), message: String((err as Problem).message) };
  }
  if (err instanceof Error) return { where: fallbackWhere, message: err.message };
  return { where: fallbackWhere, message: String(err) };
}
