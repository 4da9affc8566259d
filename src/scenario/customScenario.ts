/**
 * The in-memory scenario for a diagram the user opens: the generic "flow"
 * model (messages follow the drawn arrows), the message invariants, and a
 * workload, capacity, network and fault generator like demo.json's.
 */
export function customScenario(fileName: string, design: number): Record<string, unknown> {
  return {
    name: "my-diagram",
    title: `Your diagram: ${fileName}`,
    description: "A diagram you opened, run with the generic flow model.",
    diagram: { file: fileName, design },
    model: "flow",
    workload: { users: 20, messages: 200, ratePerSec: 100, connectChurn: 0, retryMs: 300 },
    capacity: { default: { serviceMs: { dist: "exp", mean: 2, min: 0.5 }, concurrency: 4, queueLimit: 50 } },
    network: { latencyMs: { dist: "lognormal", median: 3, sigma: 0.4, min: 1 }, connBreakDetectMs: 300 },
    generator: {
      kinds: ["crash", "pause", "partition", "drop", "duplicate", "delay"],
      meanIntervalMs: 400,
      maxConcurrent: 2,
      safetyMs: 3000,
      healMs: 3000,
    },
    invariants: ["no-lost-message", "no-duplicate-display"],
    variants: ["no-client-dedup", "no-retry"],
  };
}
