import type { TraceEvent } from "./kernel/trace.ts";
import type { InFlight } from "./kernel/network.ts";
import type { NodeStatus, Violation } from "./kernel/types.ts";
import type { WorldSnapshot } from "./kernel/world.ts";
import { EventIndex, type StepTarget } from "./eventIndex.ts";
import { Run, type RunOptions, type RunResult } from "./run.ts";
import type { FaultEntry } from "./scenario/faults.ts";
import type { CompiledScenario } from "./scenario/compile.ts";

/**
 * A moment of the timeline worth marking: a fault takes effect, something
 * heals (a heal entry, a link fault lifted, a paused node resumed), a node
 * restarts (its crash ended, a restart entry, the heal phase), the heal
 * phase or the end begins, an invariant breaks.
 */
export type MarkerKind = "fault" | "heal" | "restart" | "phase" | "violation";

export interface Marker {
  readonly event: number;
  readonly t: number;
  readonly kind: MarkerKind;
  readonly label: string;
  readonly nodes: readonly string[];
}

export interface NodeView {
  readonly id: string;
  readonly role: string;
  readonly status: NodeStatus;
  readonly overloaded: boolean;
  readonly waiting: number;
  readonly busy: number;
  readonly queueLimit: number | null;
}

/** One node's full state, for the inspector (a copy). */
export interface NodeInspection {
  readonly id: string;
  readonly role: string;
  readonly status: NodeStatus;
  readonly incarnation: number;
  readonly durable: unknown;
  readonly volatile: unknown;
  readonly handled: number;
  readonly rejected: number;
}

/**
 * The messages on the wire, packed column by column: a view crosses to the
 * page every animation frame, and typed arrays cross as one copy (or none,
 * transferred) where a thousand small objects cost milliseconds to decode.
 * Message k goes from `nodes[from[k]]` to `nodes[to[k]]` of the same view.
 */
export interface InflightView {
  readonly count: number;
  readonly ids: Float64Array;
  readonly from: Uint16Array;
  readonly to: Uint16Array;
  /** Index into `types`. */
  readonly type: Uint16Array;
  readonly sentAt: Float64Array;
  readonly deliverAt: Float64Array;
  /** The message types on the wire, first seen first. */
  readonly types: readonly string[];
}

/** Packs the world's in-flight messages; node ids become indices into `nodeIndex`'s order. */
function packInflight(inflight: ReadonlyMap<number, InFlight>, nodeIndex: (id: string) => number): InflightView {
  const count = inflight.size;
  const out = {
    count,
    ids: new Float64Array(count),
    from: new Uint16Array(count),
    to: new Uint16Array(count),
    type: new Uint16Array(count),
    sentAt: new Float64Array(count),
    deliverAt: new Float64Array(count),
    types: [] as string[],
  };
  const typeIndex = new Map<string, number>();
  let k = 0;
  for (const [id, m] of inflight) {
    let t = typeIndex.get(m.type);
    if (t === undefined) {
      typeIndex.set(m.type, (t = out.types.length));
      out.types.push(m.type);
    }
    out.ids[k] = id;
    out.from[k] = nodeIndex(m.from);
    out.to[k] = nodeIndex(m.to);
    out.type[k] = t;
    out.sentAt[k] = m.sentAt;
    out.deliverAt[k] = m.deliverAt;
    k++;
  }
  return out;
}

/** The buffers of a view to transfer rather than copy (a worker's postMessage). */
export function viewTransferables(view: WorldView): ArrayBuffer[] {
  const m = view.inflight;
  return [m.ids, m.from, m.to, m.type, m.sentAt, m.deliverAt].map((a) => a.buffer as ArrayBuffer);
}

/** What the UI draws at one moment: immutable, plain data. */
export interface WorldView {
  /** Virtual time, ms. */
  readonly now: number;
  /** Trace events so far (the next event's index). */
  readonly events: number;
  readonly phase: string;
  readonly nodes: readonly NodeView[];
  readonly inflight: InflightView;
  readonly partitions: readonly (readonly (readonly string[])[])[];
  readonly linkFaults: readonly { kind: string; from: string; to: string; probability: number; extraMs: number; jitterMs: number }[];
  /** The latest trace events (up to 200), oldest first. */
  readonly recent: readonly TraceEvent[];
}

/** Trace events between checkpoints. Smaller: faster seeks, more memory. */
const CHECKPOINT_EVERY = 5_000;

/**
 * A run the UI can scrub: it runs once to the end (for the result, the
 * violations and the timeline markers), keeping a snapshot every few
 * thousand trace events; seeking is restore + replay, never mutation.
 */
export class Session {
  readonly result: RunResult;
  readonly markers: Marker[] = [];
  /** Where most of the run's deliveries happen (null: none): what playback should show at a watchable pace. */
  readonly busy: { readonly fromMs: number; readonly toMs: number } | null;
  private readonly checkpoints: { events: number; snap: WorldSnapshot }[] = [];
  private readonly viewer: Run;
  private readonly index: EventIndex;
  private readonly schedule: readonly FaultEntry[];

  constructor(readonly scenario: CompiledScenario, readonly options: RunOptions) {
    // The world numbers its nodes in the topology's order.
    const ids = new Map(scenario.topology.nodes.map((n, i) => [n.id, i]));
    this.index = new EventIndex((id) => ids.get(id) ?? -1);
    // Checkpoints carry the messages on the wire, so a seek shows them all.
    const full = new Run(scenario, {
      ...options,
      trackInflight: true,
      listeners: [(e) => this.index.record(e), (e) => this.mark(e)],
    });
    this.schedule = full.plan.faults;
    const w = full.world;
    this.checkpoints.push({ events: w.trace.count, snap: w.snapshot() });
    while (w.step()) {
      const last = this.checkpoints[this.checkpoints.length - 1];
      if (w.trace.count - last.events >= CHECKPOINT_EVERY) this.checkpoints.push({ events: w.trace.count, snap: w.snapshot() });
    }
    this.result = full.result();
    this.busy = this.index.busyWindow();
    for (const inv of this.result.invariants) for (const v of inv.violations) this.markViolation(inv.name, v);
    for (const inv of this.result.unpromised) for (const v of inv.violations) this.markViolation(`${inv.name} (not promised)`, v);
    this.markers.sort((a, b) => a.event - b.event);
    this.viewer = new Run(scenario, { ...options, trace: { keep: 200 }, trackInflight: true });
  }

  private mark(e: TraceEvent): void {
    const at = (kind: MarkerKind, label: string, nodes: readonly string[]): void => {
      this.markers.push({ event: e.i, t: e.t, kind, label, nodes });
    };
    if (e.type === "fault") {
      if (e.name === "lifted") return at("heal", "a link fault ends", []);
      if (e.name === "heal") return at("heal", "heal: every link fault and partition cleared", []);
      // A restart entry also records a restart event, marked below.
      if (e.name === "restart") return;
      const entry = this.schedule[e.data?.fault as number];
      const node = (e.data?.node as string | undefined) ?? (entry && "node" in entry ? entry.node : undefined);
      return at("fault", faultLabel(entry, node), node ? [node] : []);
    }
    if (e.type === "restart") return at("restart", `restart ${e.node}`, e.node ? [e.node] : []);
    if (e.type === "resume") return at("heal", `resume ${e.node}`, e.node ? [e.node] : []);
    if (e.type === "phase" && e.name === "heal") return at("phase", "heal phase: faults stop, crashed nodes restart", []);
    if (e.type === "phase" && e.name === "end") return at("phase", "end of the run", []);
  }

  private markViolation(name: string, v: Violation): void {
    this.markers.push({ event: v.event, t: v.at, kind: "violation", label: `${name}: ${v.message}`, nodes: v.nodes });
  }

  get totalEvents(): number {
    return this.result.events;
  }

  /** The next (or previous) trace event that is a delivery or happens at a node; null when there is none. */
  find(from: number, dir: 1 | -1, target: StepTarget): number | null {
    return this.index.find(from, dir, target);
  }

  /** Moves the viewer to just after trace event `index` (clamped to the run). */
  seek(index: number): WorldView {
    const target = Math.max(0, Math.min(index, this.totalEvents - 1));
    const w = this.viewer.world;
    if (w.trace.count > target + 1 || target + 1 - w.trace.count > CHECKPOINT_EVERY) {
      let cp = this.checkpoints[0];
      for (const c of this.checkpoints) if (c.events <= target + 1) cp = c;
      w.restore(cp.snap);
    }
    while (w.trace.count <= target && w.step());
    return this.view();
  }

  /** Moves the viewer forward to virtual time `t` (for playback). */
  advanceTo(t: number): WorldView {
    const w = this.viewer.world;
    if (t < w.now) return this.seekTime(t);
    w.runUntil(t);
    return this.view(t);
  }

  /** Moves the viewer to virtual time `t`, back or forth. */
  seekTime(t: number): WorldView {
    const w = this.viewer.world;
    let cp = this.checkpoints[0];
    for (const c of this.checkpoints) if (c.snap.data.now <= t) cp = c;
    if (t < w.now || cp.snap.data.now > w.now) w.restore(cp.snap);
    w.runUntil(t);
    return this.view(t);
  }

  /** A copy of one node's state at the viewer's moment. */
  inspect(nodeId: string): NodeInspection | undefined {
    const n = this.viewer.world.nodes.find((x) => x.id === nodeId);
    if (!n) return undefined;
    const { id, role, status, incarnation, handled, rejected } = n;
    return structuredClone({ id, role, status, incarnation, durable: n.durable, volatile: n.volatile, handled, rejected });
  }

  /** The current view; `at` (default: the world's time) places tokens between events. */
  view(at?: number): WorldView {
    const w = this.viewer.world;
    const now = at ?? w.now;
    return {
      now,
      events: w.trace.count,
      phase: w.phase,
      nodes: w.nodes.map((n) => ({
        id: n.id,
        role: n.role,
        status: n.status,
        overloaded: n.overloaded,
        waiting: n.waiting.length,
        busy: n.busy,
        queueLimit: n.capacity?.queueLimit ?? null,
      })),
      inflight: packInflight(w.net.inflight, (id) => w.nodeIndex(id)),
      partitions: w.net.partitions.map((p) => p.groups),
      linkFaults: w.net.faults.map(({ kind, from, to, probability, extraMs, jitterMs }) => ({ kind, from, to, probability, extraMs, jitterMs })),
      recent: w.trace.kept.slice(-200),
    };
  }
}

/** "crash api-server-1", "drop client-1 → *", "partition": a fault as the timeline names it. */
function faultLabel(f: FaultEntry | undefined, node: string | undefined): string {
  if (!f) return "fault";
  if (node) return `${f.kind} ${node}`;
  if ("from" in f) return `${f.kind} ${f.from} → ${f.to}`;
  if (f.kind === "partition") return `partition ${f.groups.map((g) => g.join(", ")).join(" | ")}`;
  return f.kind;
}
