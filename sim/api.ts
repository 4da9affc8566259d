/**
 * msgsim's public API: everything the browser app, the CLI and users'
 * scripts need, and nothing else. The UI imports from here only.
 */
export { ROLES, isRole, type Role } from "./roles.ts";
export type { Topology, TopologyNode, TopologyEdge, Point, Box } from "./topology.ts";
export { InputError } from "./errors.ts";
export { DiagramError, importDiagram, formatTopology, type ImportResult, type ImportReport } from "./diagram/index.ts";
export { TRACE_TYPES, type TraceEvent, type TraceType } from "./kernel/trace.ts";
export type { Violation, NodeStatus } from "./kernel/types.ts";
export {
  FAULT_KINDS,
  parseFaultSchedule,
  type FaultEntry,
  type FaultKind,
  type FaultSchedule,
} from "./scenario/faults.ts";
export { generateFaults } from "./scenario/generator.ts";
export { compileScenario, type CompiledScenario, type FileReader } from "./scenario/compile.ts";
export { scenarioGuide, type ScenarioGuide } from "./scenario/guide.ts";
export type { ScenarioFile, FaultGenerator } from "./scenario/schema.ts";
export { Run, runScenario, planRun, type RunOptions, type RunResult, type InvariantResult, type RunPlan } from "./run.ts";
export { Session, viewTransferables, type WorldView, type NodeView, type InflightView, type Marker, type MarkerKind, type NodeInspection } from "./session.ts";
export type { StepTarget } from "./eventIndex.ts";
export type { SeriesPoint } from "./metrics/collector.ts";
export { MODELS } from "./models/index.ts";
export { encodeFaultsParam, decodeFaultsParam } from "./scenario/urlFaults.ts";
