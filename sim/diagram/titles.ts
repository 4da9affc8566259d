import type { ExElement } from "./element.ts";
import { cleanText } from "./nodeDraft.ts";

/** "dir/001_chat.excalidraw.md" -> "001_chat". */
export function fileStem(fileName: string | undefined): string | undefined {
  if (fileName === undefined) return undefined;
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const stem = base.replace(/(\.excalidraw)?(\.md|\.json|\.txt)?$/i, "").replace(/\.excalidraw$/i, "");
  return stem === "" ? undefined : stem;
}

function biggestText(annotations: readonly ExElement[]): string | undefined {
  const sorted = [...annotations].sort((a, b) => (b.fontSize ?? 0) - (a.fontSize ?? 0) || a.y - b.y || a.index - b.index);
  const first = sorted.find((t) => cleanText(t.text) !== "");
  return first ? cleanText(first.text).slice(0, 80) : undefined;
}

function headerTitle(header: readonly ExElement[]): string | undefined {
  const parts = header.map((t) => cleanText(t.text)).filter((t) => t !== "");
  return parts.length > 0 ? parts.join(" — ") : undefined;
}

/**
 * Design titles. One design: the file name (without extension), else its
 * heading, else the biggest free text. Several designs: each one's heading
 * texts joined by " — " (the file name for an untitled first design).
 * Repeated titles get " (2)", " (3)".
 */
export function designTitles(headers: readonly ExElement[][], annotations: readonly ExElement[], fileName?: string): string[] {
  const stem = fileStem(fileName);
  const raw = headers.length === 1
    ? [stem ?? headerTitle(headers[0]) ?? biggestText(annotations) ?? "Untitled design"]
    : headers.map((h) => headerTitle(h) ?? stem ?? "Untitled design");
  const seen = new Map<string, number>();
  return raw.map((title) => {
    const n = (seen.get(title) ?? 0) + 1;
    seen.set(title, n);
    return n === 1 ? title : `${title} (${n})`;
  });
}
