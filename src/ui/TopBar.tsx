import { useEffect, useRef, useState } from "react";
import { randomFaults } from "../app/actions.ts";
import { chooseDesign, openDiagramFile } from "../app/openFile.ts";
import { setPresenting, toggleSidebar } from "../app/presenting.ts";
import { useAppState, useController } from "../app/useStore.ts";
import { GROUPS } from "../scenario/catalog.ts";
import { copyLink } from "./copyLink.ts";
import { Icon } from "./Icon.tsx";

const OPEN_OWN = "__open__";

/** A chosen option hands the keys back to the app: ←/→ step time instead of changing the select. */
function done(e: React.ChangeEvent<HTMLSelectElement>): void {
  e.currentTarget.blur();
}

/** Scenario, seed, bug variant, random faults, undo, share, presenting. */
export function TopBar() {
  const c = useController();
  const scenario = useAppState((s) => s.scenario);
  const seed = useAppState((s) => s.seed);
  const variant = useAppState((s) => s.variant);
  const busy = useAppState((s) => s.busy);
  const canUndo = useAppState((s) => s.undo.length > 0);
  const presenting = useAppState((s) => s.presenting);
  const sidebar = useAppState((s) => s.sidebarOpen);
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
      <label className="field inline scenario-field">
        <span>Scenario</span>
        <select
          value={value}
          data-testid="scenario-select"
          aria-label="Scenario"
          title={scenario?.guide.title}
          onChange={(e) => {
            done(e);
            if (e.target.value === OPEN_OWN) file.current?.click();
            else void c.load({ kind: "builtin", name: e.target.value });
          }}
        >
          {GROUPS.map((g) => (
            <optgroup key={g.group} label={g.group}>
              {g.entries.map((e) => (
                <option key={e.name} value={e.name}>
                  {e.title}
                </option>
              ))}
            </optgroup>
          ))}
          <optgroup label="Your own">
            {src?.kind === "custom" && <option value="__custom__">{src.fileName}</option>}
            <option value={OPEN_OWN}>Open your own diagram…</option>
          </optgroup>
        </select>
      </label>
      <input
        ref={file}
        type="file"
        accept=".excalidraw,.md,.txt,.json"
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) void openDiagramFile(c, f);
        }}
      />
      {src?.kind === "custom" && scenario && scenario.designs.length > 1 && (
        <label className="field">
          <span>Design</span>
          <select
            value={src.design}
            aria-label="Design"
            data-testid="design-select"
            onChange={(e) => {
              done(e);
              chooseDesign(c, Number(e.target.value));
            }}
          >
            {scenario.designs.map((t, i) => (
              <option key={i} value={i}>
                {t || `design ${i + 1}`}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field inline">
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
      <label className="field inline">
        <span>Variant</span>
        <select
          value={variant}
          aria-label="Bug variant"
          data-testid="variant-select"
          onChange={(e) => {
            done(e);
            c.setVariant(e.target.value);
          }}
        >
          <option value="">correct design</option>
          {(scenario?.guide.variants ?? []).map((v) => (
            <option key={v.name} value={v.name} title={v.description}>
              bug: {v.name}
            </option>
          ))}
        </select>
      </label>
      <div className="top-actions">
        <button type="button" disabled={!scenario || busy} onClick={() => randomFaults(c)} title="Add faults drawn by the scenario's generator to the schedule" data-testid="random-faults">
          <Icon name="dice" /> Random faults
        </button>
        <button type="button" disabled={!canUndo} onClick={() => c.undo()} title="Undo the last change to the faults (Ctrl+Z)" data-testid="undo-faults">
          <Icon name="undo" /> Undo
        </button>
        <button type="button" onClick={() => void copyLink(c)} title="Copy a link that reproduces this run at this moment" data-testid="copy-link">
          <Icon name="link" /> Link
        </button>
        <button type="button" onClick={() => toggleSidebar(c)} aria-pressed={sidebar} title="Show or hide the sidebar (s)" aria-label="Sidebar" data-testid="toggle-sidebar">
          <Icon name="sidebar" />
        </button>
        <button type="button" onClick={() => setPresenting(c, !presenting)} aria-pressed={presenting} title="Presenting: full screen, sidebar collapsed, larger labels (p)" data-testid="toggle-presenting">
          <Icon name="present" /> {presenting ? "Stop presenting" : "Present"}
        </button>
        <button type="button" onClick={() => c.store.set({ keysHelp: !c.state.keysHelp })} title="Keyboard (?)" aria-label="Keyboard shortcuts" data-testid="keys-help-button">
          ?
        </button>
      </div>
    </header>
  );
}
