/** Virtual time for people: "850.25 ms", "1.250 s". */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(3)} s` : `${ms.toFixed(2)} ms`;
}

/** A playback speed in virtual ms per wall-clock second: "50 ms/s", "2 s/s". */
export function formatSpeed(msPerS: number): string {
  return msPerS >= 1000 ? `${msPerS / 1000} s/s` : `${msPerS} ms/s`;
}
