/** Where a scenario comes from: a built-in file, or a diagram the user opened. */
export type ScenarioSource =
  | { readonly kind: "builtin"; readonly name: string }
  | {
      readonly kind: "custom";
      readonly fileName: string;
      readonly text: string;
      readonly design: number;
      /** Top-level scenario fields replacing the defaults (workload, network, ...): for scripts and the benchmark. */
      readonly scenario?: Readonly<Record<string, unknown>>;
    };

export function sourceKey(s: ScenarioSource): string {
  return s.kind === "builtin" ? `builtin:${s.name}` : `custom:${s.fileName}#${s.design}`;
}
