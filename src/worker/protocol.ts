import type { FaultSchedule, Marker, NodeInspection, RunResult, StepTarget, WorldView } from "../../sim/api.ts";
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

/** The next (dir 1) or previous (-1) delivery or event at a node, from event `from`. */
export interface FindRequest {
  readonly type: "find";
  readonly from: number;
  readonly dir: 1 | -1;
  readonly target: StepTarget;
}

export interface FindReply {
  readonly index: number | null;
}

export type WorkerRequest = OpenRequest | ViewRequest | FindRequest;

export interface ViewReply {
  readonly view: WorldView;
  readonly inspection: NodeInspection | null;
}

export interface OpenReply extends ViewReply {
  readonly result: RunResult;
  readonly markers: readonly Marker[];
  readonly total: number;
  readonly busy: { readonly fromMs: number; readonly toMs: number } | null;
}

export type WorkerReply =
  | ({ readonly id: number; readonly ok: true } & (OpenReply | ViewReply | FindReply))
  | { readonly id: number; readonly ok: false; readonly problem: Problem };
