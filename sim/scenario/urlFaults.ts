import { InputError } from "../errors.ts";
import { parseFaultSchedule, type FaultSchedule } from "./faults.ts";

/** base64url of UTF-8 text, without padding (the `faults=` URL parameter). */
export function encodeFaultsParam(faults: FaultSchedule): string {
  const bytes = new TextEncoder().encode(JSON.stringify(faults));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Decodes and validates a `faults=` URL parameter; InputError says what is wrong. */
export function decodeFaultsParam(param: string): FaultSchedule {
  if (!/^[A-Za-z0-9_-]*$/.test(param)) throw new InputError("URL parameter faults", "", "not base64url text");
  let text: string;
  try {
    const bin = atob(param.replace(/-/g, "+").replace(/_/g, "/"));
    text = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    throw new InputError("URL parameter faults", "", "not valid base64url of UTF-8 text");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError("URL parameter faults", "", `not JSON: ${(err as Error).message}`);
  }
  return parseFaultSchedule(json, "URL parameter faults");
}
