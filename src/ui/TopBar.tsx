import { useEffect, useRef, useState } from "react";
import { randomFaults } from "../app/actions.ts";
import { chooseDesign, openDiagramFile } from "../app/openFile.ts";
import { useAppState, useController } from "../app/useStore.ts";
import { copyLink } from "./copyLink.ts";
import { Icon } from "./Icon.tsx";
import { CATALOG } from "../scenario/catalog.ts";

const OPEN_OWN = "__open__";

/** Scenario, seed, bug variant, random faults, share. */
export function TopBar() {
  const c = useController();
  const scenario = useAppState((s) => s.scenario);
  const seed = useAppState((s) => s.seed);
  const variant = useAppState((s) => s.variant);
  const busy = useAppState((s) => s.busy);
  const file = useRef<HTMLInputElement>(null);
  const [seedText, setSeedText] = useState(String(seed));
  useEffect(() => setSeedText(String(seed)), [seed]);

  const src = scenario?.source;
  const value = src?.kind === "builtin" ? src.name : src?.kind === "custom" ? "__custom__" : "";
  const commitSeed = () => {
    const n = Number(seedText);
    if (/^-?\d+$/.test(seedText.trim()) && Number.isSafeInteger(n)) c.setSeed(n);
    else {
      c.report({ where: "seed", message: `"${seedText}" is not an integer` });
      setSeedText(String(seed));
    }
  };

  return (
    <header className="top-bar">
      <h1 className="brand" title="msgsim: a deterministic simulator for messaging designs">msgsim</h1>
      <label className="field">
        <span>Scenario</span>
        <select
          value={value}
          data-testid="scenario-select"
          aria-label="Scenario"
          onChange={(e) => {
            if (e.target.value === OPEN_OWN) file.current?.click();
            else void c.load({ kind: "builtin", name: e.target.value });
          }}
        >
          {CATALOG.map((e) => (
            <option key={e.name} value={e.name}>
              {e.title}
            </option>
          ))}
          {src?.kind === "custom" && <option value="__custom__">{src.fileName}</option>}
          <option value={OPEN_OWN}>Open your own diagram…</option>
        </select>
      </label>
      <input ref={file} type="file" accept=".excalidraw,.md,.txt,.json" hidden data-testid="file-input" onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = "";
        if (f) void openDiagramFile(c, f);
      }} />
      {src?.kind === "custom" && scenario && scenario.designs.length > 1 && (
        <label className="field">
          <span>Design</span>
          <select value={src.design} aria-label="Design" data-testid="design-select" onChange={(e) => chooseDesign(c, Number(e.target.value))}>
            {scenario.designs.map((t, i) => (
              <option key={i} value={i}>
                {t || `design ${i + 1}`}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>Seed</span>
        <input
          className="seed"
          value={seedText}
          inputMode="numeric"
          aria-label="Seed"
          data-testid="seed-input"
          onChange={(e) => setSeedText(e.target.value)}
          onBlur={commitSeed}
          onKeyDown={(e) => e.key === "Enter" && commitSeed()}
        />
      </label>
      <label className="field">
        <span>Design variant</span>
        <select value={variant} aria-label="Bug variant" data-testid="variant-select" onChange={(e) => c.setVariant(e.target.value)}>
          <option value="">correct design</option>
          {(scenario?.variants ?? []).map((v) => (
            <option key={v} value={v}>
              bug: {v}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!scenario || busy} onClick={() => randomFaults(c)} title="Replace the fault schedule with the scenario's random faults for this seed" data-testid="random-faults">
        <Icon name="dice" /> Random faults
      </button>
      <button type="button" onClick={() => void copyLink(c)} title="Copy a link that reproduces this run at this moment" data-testid="copy-link">
        <Icon name="link" /> Copy link
      </button>
    </header>
  );
}
