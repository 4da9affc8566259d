/** The only error the diagram importer throws. */
export class DiagramError extends Error {
  /** Where the problem is: "line 42", "elements[17].points", "note", "overrides.x.role". */
  readonly location: string;
  /** What is wrong, in words. */
  readonly reason: string;

  constructor(location: string, reason: string) {
    super(`${location}: ${reason}`);
    this.name = "DiagramError";
    this.location = location;
    this.reason = reason;
  }
}

/** Location used when an unexpected internal failure is converted to a DiagramError. */
export const INTERNAL_LOCATION = "internal";
