import { importDiagram, type FaultSchedule } from "../../sim/api.ts";
import { CATALOG, compileSource } from "../scenario/catalog.ts";
import { describeError, type Problem } from "../scenario/errors.ts";
import type { ScenarioSource } from "../scenario/source.ts";
import { SessionClient, WorkerProblem } from "../worker/client.ts";
import type { Position, ViewReply } from "../worker/protocol.ts";
import { Playback } from "./playback.ts";
import { cursorOf, initialState, type AppState, type LoadedScenario } from "./state.ts";
import { Store } from "./store.ts";
import { ViewPump } from "./viewPump.ts";

/** What to open a scenario with; anything missing takes the scenario's default. */
export interface LoadRequest {
  readonly seed?: number;
  readonly variant?: string;
  readonly faults?: FaultSchedule;
  readonly messages?: number;
  readonly t?: number;
  /** Name of the URL parameter the variant came from, for the banner. */
  readonly from?: "url";
}

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

  report(err: unknown, where?: string): void {
    const p: Problem = err instanceof WorkerProblem ? err.problem : describeError(err, where);
    this.store.update((d) => {
      if (d.banners.some((b) => b.where === p.where && b.message === p.message)) return;
      d.banners.push({ id: ++this.bannerId, ...p });
    });
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
      messages: req.messages ?? null,
      run: null,
      view: null,
      cursor: -1,
      clock: 0,
      selected: null,
      inspection: null,
      highlight: null,
    });
    await this.open(req.t !== undefined ? { index: req.t } : null);
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
      const { result, markers, total } = reply;
      this.lastAt = at;
      const cursor = cursorOf(reply.view, at, total);
      this.store.set({ run: { result, markers, total }, view: reply.view, cursor, clock: reply.view.now, inspection: reply.inspection, busy: false });
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

  setFaults(faults: FaultSchedule, atLeast = 0): void {
    this.store.set({ faults });
    void this.rebuild(atLeast);
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
    const clock = Math.min(end, s.clock + dt * s.speed);
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
    this.store.set({ speed });
  }

  /** Shows the world just after trace event `index` (-1: the start). */
  seek(index: number): void {
    const run = this.state.run;
    if (!run) return;
    this.pause();
    const i = Math.max(-1, Math.min(run.total - 1, Math.round(index)));
    this.pump.request({ index: i }, this.gen);
  }

  step(delta: number): void {
    this.seek(this.state.cursor + delta);
  }

  /** Re-reads the current moment (e.g. to refresh the inspector) without moving. */
  refresh(): void {
    if (this.state.run) this.pump.request(this.lastAt ?? { index: this.state.cursor }, this.gen);
  }
}
