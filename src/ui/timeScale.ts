/** Tick marks for a time axis from 0 to `endMs`: about `count` of them at a round step. */
export function timeTicks(endMs: number, count = 8): { ms: number; label: string }[] {
  if (!(endMs > 0)) return [];
  const raw = endMs / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? raw;
  const ticks: { ms: number; label: string }[] = [];
  for (let ms = 0; ms <= endMs + 1e-9; ms += step) ticks.push({ ms, label: tickLabel(ms, step) });
  return ticks;
}

function tickLabel(ms: number, step: number): string {
  if (step >= 1000) return `${ms / 1000} s`;
  if (step >= 100 && ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms * 1000) / 1000} ms`;
}
