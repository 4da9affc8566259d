import type { Controller } from "./controller.ts";

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

/** Space: play/pause; ←/→: step one event. Captured before Excalidraw sees them. */
export function installKeyboard(c: Controller): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    const isButton = (e.target as HTMLElement | null)?.tagName === "BUTTON";
    if (e.key === " " && !isButton) c.toggle();
    else if (e.key === "ArrowRight") c.step(1);
    else if (e.key === "ArrowLeft") c.step(-1);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  window.addEventListener("keydown", onKey, true);
  return () => window.removeEventListener("keydown", onKey, true);
}
