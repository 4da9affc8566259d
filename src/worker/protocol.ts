import type { FaultSchedule, Marker, NodeInspection, RunResult, WorldView } from "../../sim/api.ts";
import type { Problem } from "../scenario/errors.ts";
import type { ScenarioSource } from "../scenario/source.ts";

/** Where to put the viewer: just after an event index, or at a virtual time. */
export type Position = { readonly index: number } | { readonly time: number } | { readonly advance: number };

export interface OpenRequest {
  readonly type: "open";
  readonly source: ScenarioSource;
  readonly seed: number;
  readonly variant: string;
  readonly faults: FaultSchedule;
  readonly messages?: number;
  readonly at: Position | null;
  readonly inspect?: string | null;
  /** Send the recent trace events (only the Events tab shows them). */
  readonly recent?: boolean;
}

export interface ViewRequest {
  readonly type: "view";
  readonly at: Position;
  readonly inspect?: string | null;
  readonly recent?: boolean;
}

export type WorkerRequest = OpenRequest | ViewRequest;

export interface ViewReply {
  readonly view: WorldView;
  readonly inspection: NodeInspection | null;
}

export interface OpenReply extends ViewReply {
  readonly result: RunResult;
  readonly markers: readonly Marker[];
  readonly total: number;
}

export type WorkerReply =
  | ({ readonly id: number; readonly ok: true } & (OpenReply | ViewReply))
  | { readonly id: number; readonly ok: false; readonly problem: Problem };
