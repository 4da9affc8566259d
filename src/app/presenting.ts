import type { Controller } from "./controller.ts";
import { SPEEDS } from "./state.ts";

/** Presenting: the sidebar collapses, the page goes full screen (where the browser allows), labels grow. */
export function setPresenting(c: Controller, on: boolean): void {
  c.store.set({ presenting: on, sidebarOpen: !on, menu: null });
  const doc = document;
  if (on && !doc.fullscreenElement && doc.documentElement.requestFullscreen) {
    // Refused without a user gesture or in a frame: presenting still works in the window.
    doc.documentElement.requestFullscreen().catch(() => undefined);
  } else if (!on && doc.fullscreenElement) {
    doc.exitFullscreen().catch(() => undefined);
  }
}

/** Leaving full screen (Esc) leaves presenting too. */
export function installFullscreenSync(c: Controller): () => void {
  const onChange = () => {
    if (!document.fullscreenElement && c.state.presenting) c.store.set({ presenting: false, sidebarOpen: true });
  };
  document.addEventListener("fullscreenchange", onChange);
  return () => document.removeEventListener("fullscreenchange", onChange);
}

export function toggleSidebar(c: Controller): void {
  c.store.set({ sidebarOpen: !c.state.sidebarOpen });
}

export function toggleBigTokens(c: Controller): void {
  c.store.set({ bigTokens: !c.state.bigTokens });
}

/** One step along the speed ladder. */
export function nudgeSpeed(c: Controller, dir: 1 | -1): void {
  const i = SPEEDS.findIndex((s) => s >= c.state.speed);
  const at = i < 0 ? SPEEDS.length - 1 : i;
  c.setSpeed(SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, at + dir))]);
}
