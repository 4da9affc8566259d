/**
 * Excalidraw diagram importer: text in, topologies out. Framework-free (no
 * DOM, no Node APIs) so the CLI and the browser share it.
 */
export { DiagramError } from "./error.ts";
export type { ExElement } from "./element.ts";
export { parseScene, type ParsedScene } from "./scene.ts";
export {
  importDiagram,
  type ImportOptions,
  type ImportReport,
  type ImportResult,
  type UnmappedNode,
} from "./importer.ts";
export type { RoleOverride } from "./overrides.ts";
export { formatTopology } from "./format.ts";
export { ROLE_RULES, type RoleRule, type RoleContext } from "./roleRules.ts";
export { decompressFromBase64 } from "./lzString.ts";
