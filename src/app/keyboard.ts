import type { Controller } from "./controller.ts";
import { nudgeSpeed, setPresenting, toggleBigTokens, toggleSidebar } from "./presenting.ts";
import { STEP_UNITS, stepBy } from "./stepping.ts";

/** Every key binding, as the help lists them (and the browser test presses them). */
export const KEYS: readonly { keys: string; does: string }[] = [
  { keys: "Space", does: "play / pause" },
  { keys: "← →", does: "step back / forward by the chosen unit" },
  ...STEP_UNITS.map((u) => ({ keys: `${u.key} / Shift+${u.key.toUpperCase()}`, does: `next / previous ${u.label}: ${u.hint}` })),
  { keys: "Home End", does: "start / end of the run" },
  { keys: "- +", does: "slower / faster" },
  { keys: "p", does: "presenting: full screen, sidebar collapsed, larger labels" },
  { keys: "s", does: "show / hide the sidebar" },
  { keys: "b", does: "larger message tokens" },
  { keys: "Ctrl+Z / Ctrl+Shift+Z", does: "undo / redo a change to the faults" },
  { keys: "Esc", does: "close a menu or this help" },
  { keys: "?", does: "this list" },
];

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

/** What a key press does, or null when the key is not ours. */
function action(c: Controller, e: KeyboardEvent): (() => unknown) | null {
  const k = e.key;
  if ((e.ctrlKey || e.metaKey) && !e.altKey) {
    if (k.toLowerCase() === "z") return e.shiftKey ? () => c.redo() : () => c.undo();
    if (k.toLowerCase() === "y") return () => c.redo();
    return null;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const dir = e.shiftKey ? -1 : 1;
  const unit = STEP_UNITS.find((u) => u.key === k.toLowerCase());
  if (unit) return () => stepBy(c, unit.unit, dir);
  switch (k) {
    case " ":
      // Even on a focused button: after a click on Fit or a tab, Space still plays (Enter presses the button).
      return () => c.toggle();
    case "ArrowRight":
      return () => stepBy(c, c.state.stepUnit, 1);
    case "ArrowLeft":
      return () => stepBy(c, c.state.stepUnit, -1);
    case "Home":
      return () => c.seek(-1);
    case "End":
      return () => c.seek(Infinity);
    case "-":
      return () => nudgeSpeed(c, -1);
    case "+":
    case "=":
      return () => nudgeSpeed(c, 1);
    case "p":
    case "P":
      return () => setPresenting(c, !c.state.presenting);
    case "s":
    case "S":
      return () => toggleSidebar(c);
    case "b":
    case "B":
      return () => toggleBigTokens(c);
    case "?":
      return () => c.store.set({ keysHelp: !c.state.keysHelp });
    case "Escape":
      return c.state.keysHelp ? () => c.store.set({ keysHelp: false }) : null;
  }
  return null;
}

/** The app's keys, captured before Excalidraw sees them; none while typing in a field. */
export function installKeyboard(c: Controller): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (typing(e.target)) return;
    const run = action(c, e);
    if (!run) return;
    e.preventDefault();
    e.stopPropagation();
    c.store.set({ hint: false });
    void run();
  };
  window.addEventListener("keydown", onKey, true);
  return () => window.removeEventListener("keydown", onKey, true);
}
