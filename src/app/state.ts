import type { CompiledScenario, FaultSchedule, Marker, NodeInspection, RunResult, ScenarioGuide, WorldView } from "../../sim/api.ts";
import type { Problem } from "../scenario/errors.ts";
import type { ScenarioSource } from "../scenario/source.ts";

export type SideTab = "about" | "invariants" | "inspector" | "faults" | "metrics" | "events";

/** What the step buttons and ←/→ move by. */
export type StepUnit = "event" | "delivery" | "node" | "fault" | "violation";
export type ViewTab = "diagram" | "graph";

/** Something on the drawing a click can hit. */
export type Target = { readonly kind: "node"; readonly id: string } | { readonly kind: "edge"; readonly id: string };

/** A banner's button: what it offers to do. */
export type BannerAction = "use-scenario-faults";

export interface Banner extends Problem {
  readonly id: number;
  readonly action?: BannerAction;
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
  /** The scenario's own fault schedule: what picking it from the menu runs. */
  readonly defaultFaults: FaultSchedule;
  /** Invariant and variant descriptions, idle nodes. */
  readonly guide: ScenarioGuide;
}

/** The finished run: everything the worker sends once per session. */
export interface RunInfo {
  readonly result: RunResult;
  readonly markers: readonly Marker[];
  readonly total: number;
  /** Where most deliveries happen (virtual ms), or null. */
  readonly busy: { readonly fromMs: number; readonly toMs: number } | null;
}

export interface AppState {
  readonly scenario: LoadedScenario | null;
  readonly seed: number;
  readonly variant: string;
  readonly faults: FaultSchedule;
  /** Earlier schedules (newest last), for undo; and undone ones, for redo. */
  readonly undo: readonly FaultSchedule[];
  readonly redo: readonly FaultSchedule[];
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
  /** Playback speed: virtual ms per wall-clock second. */
  readonly speed: number;
  readonly stepUnit: StepUnit;
  /** Presenting: sidebar collapsed, full screen, larger labels. */
  readonly presenting: boolean;
  readonly sidebarOpen: boolean;
  readonly bigTokens: boolean;
  /** The first-visit hint is showing. */
  readonly hint: boolean;
  readonly keysHelp: boolean;
  readonly banners: readonly Banner[];
  readonly selected: string | null;
  readonly inspection: NodeInspection | null;
  readonly highlight: { readonly nodes: readonly string[]; readonly msgs: readonly number[] } | null;
  readonly menu: { readonly x: number; readonly y: number; readonly target: Target } | null;
  readonly sideTab: SideTab;
  readonly viewTab: ViewTab;
  readonly notice: string | null;
}

/**
 * Playback speeds, in virtual ms per wall-clock second. Network hops take a
 * few ms, so slow speeds matter. Neighbours differ by at most 2x (mostly 1.5x), so one of
 * them plays any busy window in 20 to 40 s.
 */
export const SPEEDS = [1, 2, 3, 5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000] as const;

/** Wall-clock seconds the busy part of a run should take at the default speed. */
export const BUSY_WALL_S = 30;

/** The speed that plays `busyMs` of virtual time closest to BUSY_WALL_S seconds. */
export function defaultSpeed(busyMs: number | null): number {
  if (!busyMs || busyMs <= 0) return 100;
  const want = busyMs / BUSY_WALL_S;
  return SPEEDS.reduce((best, s) => (Math.abs(Math.log(s / want)) < Math.abs(Math.log(best / want)) ? s : best), SPEEDS[0] as number);
}

export const initialState: AppState = {
  scenario: null,
  seed: 1,
  variant: "",
  faults: [],
  undo: [],
  redo: [],
  messages: null,
  run: null,
  busy: false,
  view: null,
  cursor: -1,
  clock: 0,
  playing: false,
  speed: 100,
  stepUnit: "event",
  presenting: false,
  sidebarOpen: true,
  bigTokens: false,
  hint: false,
  keysHelp: false,
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
