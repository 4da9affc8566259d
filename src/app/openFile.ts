import { importDiagram } from "../../sim/api.ts";
import type { Controller } from "./controller.ts";

const ACCEPTED = /\.(excalidraw|md|txt|json)$/i;

/** Opens a dropped or picked `.excalidraw` file or Obsidian note as a scenario of its own. */
export async function openDiagramFile(c: Controller, file: File): Promise<void> {
  if (!ACCEPTED.test(file.name)) {
    c.report({ where: file.name, message: "not a diagram: open an .excalidraw file or an Obsidian Excalidraw note (.md or .txt)" });
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    c.report({ where: file.name, message: `cannot read the file: ${String((err as Error)?.message ?? err)}` });
    return;
  }
  try {
    const designs = importDiagram(text, { fileName: file.name }).designs;
    if (designs.length === 0) {
      c.report({ where: file.name, message: "no design found: the drawing needs boxes joined by arrows" });
      return;
    }
  } catch (err) {
    c.report(err, file.name);
    return;
  }
  await c.load({ kind: "custom", fileName: file.name, text, design: 0 });
}

/** Switches to another design of the same opened drawing. */
export function chooseDesign(c: Controller, design: number): void {
  const src = c.state.scenario?.source;
  if (src?.kind !== "custom") return;
  void c.load({ ...src, design }, { seed: c.state.seed, variant: c.state.variant });
}
