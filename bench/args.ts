export const IMPLS = ["kernel", "bare", "simjs", "timers", "session", "sweep", "app"] as const;
export type Impl = (typeof IMPLS)[number];

export interface BenchArgs {
  readonly messages: number;
  readonly only: ReadonlySet<Impl>;
  readonly timerEvents: number;
  readonly pendingTimers: number;
  readonly sweepSeeds: number;
}

export const USAGE = `usage: npm run bench -- [--messages N] [--only kernel|bare|simjs|timers|session|sweep|app[,...]] [--timer-events N] [--pending N] [--sweep-seeds N]
  --messages N      messages in the reference workload (default 1,000,000)
  --only LIST       run only these parts (comma-separated; default all, in that order):
                    kernel, bare, simjs: the reference workload; timers: the timer workload;
                    session: seeks in a 1,000,000-event run (Node); sweep: seeds/s of a chat
                    sweep, projected to 10,000 seeds; app: the browser app in
                    headless Chromium (frames/s, seek, first paint)
  --timer-events N  events in the timer workload (default 3 x messages, at least 200,000)
  --pending N       timers kept pending in the timer workload (default 100,000)
  --sweep-seeds N   seeds in the sweep part (default 400)`;

export function parseArgs(argv: readonly string[]): BenchArgs {
  const opts = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unexpected argument ${a}\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value\n${USAGE}`);
    opts.set(m[1], value);
  }
  for (const k of opts.keys()) {
    if (!["messages", "only", "timer-events", "pending", "sweep-seeds"].includes(k)) throw new Error(`unknown option --${k}\n${USAGE}`);
  }
  const count = (k: string, dflt: number): number => {
    const v = opts.get(k);
    if (v === undefined) return dflt;
    const n = Number(v.replace(/[_,]/g, ""));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${k} must be a positive integer, got ${v}`);
    return n;
  };
  const only = new Set<Impl>();
  for (const name of (opts.get("only") ?? IMPLS.join(",")).split(",")) {
    if (!(IMPLS as readonly string[]).includes(name)) throw new Error(`--only: unknown part ${name} (one of ${IMPLS.join(", ")})`);
    only.add(name as Impl);
  }
  const messages = count("messages", 1_000_000);
  return {
    messages,
    only,
    timerEvents: count("timer-events", Math.max(200_000, 3 * messages)),
    pendingTimers: count("pending", 100_000),
    sweepSeeds: count("sweep-seeds", 400),
  };
}
