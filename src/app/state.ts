import type { CompiledScenario, FaultSchedule, Marker, NodeInspection, RunResult, WorldView } from "../../sim/api.ts";
import type { Problem } from "../scenario/errors.ts";
import type { ScenarioSource } from "../scenario/source.ts";

export type SideTab = "invariants" | "inspector" | "faults" | "metrics" | "events";
export type ViewTab = "diagram" | "graph";

/** Something on the drawing a click can hit. */
export type Target = { readonly kind: "node"; readonly id: string } | { readonly kind: "edge"; readonly id: string };

export interface Banner extends Problem {
  readonly id: number;
}

/** The scenario as the page knows it: compiled here too, for the drawing and the fault generator. */
export interface LoadedScenario {
  readonly source: ScenarioSource;
  readonly compiled: CompiledScenario;
  readonly scene: { readonly elements: readonly unknown[]; readonly appState?: unknown; readonly files?: unknown };
  /** Design titles on the canvas (several for multi-design drawings). */
  readonly designs: readonly string[];
  /** The variants the picker offers. */
  readonly variants: readonly string[];
  /** The scenario's own fault schedule (what "no faults param" means). */
  readonly defaultFaults: FaultSchedule;
}

/** The finished run: everything the worker sends once per session. */
export interface RunInfo {
  readonly result: RunResult;
  readonly markers: readonly Marker[];
  readonly total: number;
}

export interface AppState {
  readonly scenario: LoadedScenario | null;
  readonly seed: number;
  readonly variant: string;
  readonly faults: FaultSchedule;
  /** Workload message count, or null for the scenario's own. */
  readonly messages: number | null;
  readonly run: RunInfo | null;
  /** A session is being built. */
  readonly busy: boolean;
  readonly view: WorldView | null;
  /**
   * The trace event the view stands at (-1: the start). After a seek it is
   * the event asked for: one kernel step can record several trace events,
   * so the world may already include a few more from the same instant.
   */
  readonly cursor: number;
  /** The playback clock (virtual ms); tokens are placed at this time. */
  readonly clock: number;
  readonly playing: boolean;
  readonly speed: number;
  readonly banners: readonly Banner[];
  readonly selected: string | null;
  readonly inspection: NodeInspection | null;
  readonly highlight: { readonly nodes: readonly string[]; readonly msgs: readonly number[] } | null;
  readonly menu: { readonly x: number; readonly y: number; readonly target: Target } | null;
  readonly sideTab: SideTab;
  readonly viewTab: ViewTab;
  readonly notice: string | null;
}

/** Playback speeds, in virtual ms per real ms. Network hops take a few ms, so slow speeds matter. */
export const SPEEDS = [0.01, 0.03, 0.1, 0.25, 1, 4, 16] as const;

export const initialState: AppState = {
  scenario: null,
  seed: 1,
  variant: "",
  faults: [],
  messages: null,
  run: null,
  busy: false,
  view: null,
  cursor: -1,
  clock: 0,
  playing: false,
  speed: 0.01,
  banners: [],
  selected: null,
  inspection: null,
  highlight: null,
  menu: null,
  sideTab: "invariants",
  viewTab: "diagram",
  notice: null,
};

/** The trace event a view stands at: the one sought, else the last one applied (-1 at the start). */
export function cursorOf(view: WorldView, at: { readonly index: number } | object | null, total: number): number {
  if (at && "index" in at) return Math.max(-1, Math.min(at.index, total - 1));
  return view.events - 1;
}
