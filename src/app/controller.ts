import { importDiagram, scenarioGuide, type FaultSchedule, type StepTarget } from "../../sim/api.ts";
import { CATALOG, compileSource } from "../scenario/catalog.ts";
import { describeError, type Problem } from "../scenario/errors.ts";
import type { ScenarioSource } from "../scenario/source.ts";
import { SessionClient, WorkerProblem } from "../worker/client.ts";
import type { Position, ViewReply } from "../worker/protocol.ts";
import { Playback } from "./playback.ts";
import { cursorOf, defaultSpeed, initialState, type AppState, type BannerAction, type LoadedScenario } from "./state.ts";
import { Store } from "./store.ts";
import { ViewPump } from "./viewPump.ts";

/** What to open a scenario with; anything missing takes the scenario's default. */
export interface LoadRequest {
  readonly seed?: number;
  readonly variant?: string;
  readonly faults?: FaultSchedule;
  readonly messages?: number;
  /** Event index to open at (the URL's `t`). */
  readonly t?: number;
  /** Virtual time to open at, ms (the URL's `at`; `t` wins when both are given). */
  readonly at?: number;
  /** Name of the URL parameter the variant came from, for the banner. */
  readonly from?: "url";
}

/** Most fault changes undo remembers. */
const UNDO_DEPTH = 100;

const sameFaults = (a: FaultSchedule, b: FaultSchedule) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The app's commands: loads scenarios, opens sessions in the worker,
 * moves through time. Holds no React; components call it and read the store.
 */
export class Controller {
  readonly store = new Store<AppState>(initialState);
  private readonly client = new SessionClient();
  private gen = 0;
  /** Where the shown view was taken: re-asking for it does not move. */
  private lastAt: Position | null = null;
  private bannerId = 0;
  private readonly pump = new ViewPump(
    (at) => this.client.view({ at, inspect: this.inspectTarget(), recent: this.state.sideTab === "events" }),
    (reply, at, gen) => this.onView(reply, at, gen),
    (err) => this.report(err),
  );
  private readonly playback = new Playback((dt) => this.frame(dt));

  get state(): AppState {
    return this.store.get();
  }

  report(err: unknown, where?: string, action?: BannerAction): void {
    const p: Problem = err instanceof WorkerProblem ? err.problem : describeError(err, where);
    this.store.update((d) => {
      if (d.banners.some((b) => b.where === p.where && b.message === p.message)) return;
      d.banners.push({ id: ++this.bannerId, ...p, ...(action ? { action } : {}) });
    });
  }

  /** A passing message (not an error): "no later delivery", "link copied". */
  say(notice: string): void {
    this.store.set({ notice });
  }

  dismiss(id: number): void {
    this.store.update((d) => {
      d.banners = d.banners.filter((b) => b.id !== id);
    });
  }

  /** Loads a scenario and opens its run; falls back to the first built-in when it cannot be compiled. */
  async load(source: ScenarioSource, req: LoadRequest = {}): Promise<void> {
    this.pause();
    this.store.set({ busy: true, menu: null });
    let loaded: LoadedScenario;
    try {
      loaded = await this.compile(source);
    } catch (err) {
      this.report(err, source.kind === "builtin" ? `scenario ${source.name}` : source.fileName);
      this.store.set({ busy: false });
      const fallback = CATALOG[0];
      if (fallback && !(source.kind === "builtin" && source.name === fallback.name)) await this.load({ kind: "builtin", name: fallback.name });
      return;
    }
    let variant = req.variant ?? "";
    if (variant && !loaded.variants.includes(variant)) {
      const where = req.from === "url" ? "URL parameter variant" : "variant";
      this.report({ where, message: `scenario "${loaded.compiled.name}" has no variant "${variant}" (variants: ${loaded.variants.join(", ") || "none"}); using the correct design` });
      variant = "";
    }
    const seed = req.seed ?? loaded.compiled.file.seeds?.from ?? 1;
    this.store.set({
      scenario: loaded,
      seed,
      variant,
      faults: req.faults ?? loaded.defaultFaults,
      undo: [],
      redo: [],
      messages: req.messages ?? null,
      run: null,
      view: null,
      cursor: -1,
      clock: 0,
      selected: null,
      inspection: null,
      highlight: null,
    });
    await this.open(req.t !== undefined ? { index: req.t } : req.at !== undefined ? { time: req.at } : null);
    const run = this.state.run;
    if (!run) return;
    const busy = run.busy;
    this.store.set({ speed: defaultSpeed(busy ? busy.toMs - busy.fromMs : null) });
    const where = req.from === "url" ? "URL parameter " : "";
    if (req.t !== undefined && req.t > run.total - 1) {
      this.report({ where: `${where}t`, message: `event ${req.t} is past the end of this run (its last event is ${run.total - 1}); showing the end` });
    } else if (req.t === undefined && req.at !== undefined && req.at > run.result.endMs) {
      this.report({ where: `${where}at`, message: `${req.at} ms is past the end of this run (it ends at ${run.result.endMs} ms); showing the end` });
    }
  }

  private async compile(source: ScenarioSource): Promise<LoadedScenario> {
    const compiled = await compileSource(source);
    const imported = importDiagram(compiled.diagramText, { overrides: compiled.file.nodes, fileName: compiled.file.diagram.file });
    return {
      source,
      compiled,
      scene: imported.scene as LoadedScenario["scene"],
      designs: imported.designs.map((d) => d.title),
      variants: compiled.file.variants ?? compiled.model.variants.map((v) => v.name),
      defaultFaults: compiled.file.faults ?? [],
      guide: scenarioGuide(compiled),
    };
  }

  /** (Re)builds the session with the current seed, variant and faults, placing the viewer at `at`. */
  async open(at: Position | null): Promise<void> {
    const s = this.state;
    if (!s.scenario) return;
    this.pause();
    const gen = ++this.gen;
    this.store.set({ busy: true });
    try {
      const reply = await this.client.open({ source: s.scenario.source, seed: s.seed, variant: s.variant, faults: s.faults, messages: s.messages ?? undefined, at, inspect: this.inspectTarget(), recent: s.sideTab === "events" });
      if (gen !== this.gen) return;
      const { result, markers, total, busy } = reply;
      this.lastAt = at;
      const cursor = cursorOf(reply.view, at, total);
      this.store.set({ run: { result, markers, total, busy }, view: reply.view, cursor, clock: reply.view.now, inspection: reply.inspection, busy: false });
    } catch (err) {
      if (gen !== this.gen) return;
      this.report(err);
      this.store.set({ busy: false });
      const defaults = this.state.scenario?.defaultFaults ?? [];
      if (!sameFaults(this.state.faults, defaults)) {
        this.report({ where: "faults", message: "the run could not start with this fault schedule; using the scenario's own faults" });
        this.store.set({ faults: defaults });
        await this.open(at);
      }
    }
  }

  /** Rebuilds the run at the moment currently shown (a fork: same prefix, deterministic). */
  rebuild(atLeast = 0): Promise<void> {
    return this.open(this.state.run ? { time: Math.max(this.state.clock, atLeast) } : null);
  }

  setSeed(seed: number): void {
    if (!Number.isSafeInteger(seed) || seed === this.state.seed) return;
    this.store.set({ seed });
    void this.rebuild();
  }

  setVariant(variant: string): void {
    this.store.set({ variant });
    void this.rebuild();
  }

  /** Replaces the schedule (undoably) and forks the run at the moment shown, or at `atLeast`. */
  setFaults(faults: FaultSchedule, atLeast = 0): void {
    const s = this.state;
    if (sameFaults(faults, s.faults)) return;
    this.store.set({ faults, undo: [...s.undo, s.faults].slice(-UNDO_DEPTH), redo: [] });
    void this.rebuild(atLeast);
  }

  /** Puts back the schedule before the last change. */
  undo(): void {
    const s = this.state;
    const prev = s.undo[s.undo.length - 1];
    if (!prev) return this.say("Nothing to undo: the fault schedule has not changed.");
    this.store.set({ faults: prev, undo: s.undo.slice(0, -1), redo: [...s.redo, s.faults] });
    void this.rebuild();
  }

  redo(): void {
    const s = this.state;
    const next = s.redo[s.redo.length - 1];
    if (!next) return this.say("Nothing to redo.");
    this.store.set({ faults: next, redo: s.redo.slice(0, -1), undo: [...s.undo, s.faults] });
    void this.rebuild();
  }

  // ---- time ----

  private inspectTarget(): string | null {
    const s = this.state;
    return s.selected && s.sideTab === "inspector" ? s.selected : null;
  }

  private onView(reply: ViewReply, at: Position, gen: number): void {
    if (gen !== this.gen) return;
    this.lastAt = at;
    const clock = "advance" in at && this.playback.running ? this.state.clock : "advance" in at ? at.advance : reply.view.now;
    const cursor = cursorOf(reply.view, at, this.state.run?.total ?? 0);
    this.store.set({ view: reply.view, cursor, inspection: reply.inspection ?? this.state.inspection, clock });
    const run = this.state.run;
    if (run && this.playback.running && reply.view.events >= run.total && this.state.clock >= run.result.endMs) this.pause();
  }

  private frame(dt: number): void {
    const s = this.state;
    if (!s.run) return this.pause();
    const end = s.run.result.endMs;
    const clock = Math.min(end, s.clock + (dt * s.speed) / 1000);
    this.store.set({ clock });
    this.pump.request({ advance: clock }, this.gen);
    if (clock >= end && this.pump.idle) this.pause();
  }

  play(): void {
    const s = this.state;
    if (!s.run || s.busy) return;
    if (s.clock >= s.run.result.endMs) this.store.set({ clock: 0, view: s.view });
    this.store.set({ playing: true, menu: null });
    this.playback.start();
  }

  pause(): void {
    this.playback.stop();
    if (this.state.playing) this.store.set({ playing: false });
  }

  toggle(): void {
    if (this.state.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    if (Number.isFinite(speed) && speed > 0) this.store.set({ speed });
  }

  /** Shows the world just after trace event `index` (-1: the start). */
  seek(index: number): void {
    const run = this.state.run;
    if (!run) return;
    this.pause();
    const i = Math.max(-1, Math.min(run.total - 1, Math.round(index)));
    this.pump.request({ index: i }, this.gen);
  }

  /** Shows the world at virtual time `t` (ms), clamped to the run. */
  seekTime(t: number): void {
    const run = this.state.run;
    if (!run) return;
    this.pause();
    this.pump.request({ time: Math.max(0, Math.min(run.result.endMs, t)) }, this.gen);
  }

  step(delta: number): void {
    this.seek(this.state.cursor + delta);
  }

  /** The index of the next (or previous) delivery or event at a node, from the moment shown. */
  async find(dir: 1 | -1, target: StepTarget): Promise<number | null> {
    if (!this.state.run) return null;
    const gen = this.gen;
    const { index } = await this.client.find({ from: this.state.cursor, dir, target });
    return gen === this.gen ? index : null;
  }

  /** Re-reads the current moment (e.g. to refresh the inspector) without moving. */
  refresh(): void {
    if (this.state.run) this.pump.request(this.lastAt ?? { index: this.state.cursor }, this.gen);
  }
}
