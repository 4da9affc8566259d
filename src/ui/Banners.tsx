import { applyScenarioFaults } from "../app/actions.ts";
import type { BannerAction } from "../app/state.ts";
import { useAppState, useController } from "../app/useStore.ts";

const ACTIONS: Record<BannerAction, { label: string; testid: string }> = {
  "use-scenario-faults": { label: "Use the scenario's faults", testid: "use-scenario-faults" },
};

/** Problems with input (URL, files, faults): where and why; the app keeps working. */
export function Banners() {
  const c = useController();
  const banners = useAppState((s) => s.banners);
  if (banners.length === 0) return null;
  return (
    <div className="banners">
      {banners.map((b) => (
        <div key={b.id} className="banner error" role="alert" data-testid="error-banner">
          <span>
            <strong>{b.where}</strong>: {b.message}
          </span>
          {b.action && (
            <button
              type="button"
              className="banner-action"
              data-testid={ACTIONS[b.action].testid}
              onClick={() => {
                c.dismiss(b.id);
                if (b.action === "use-scenario-faults") applyScenarioFaults(c);
              }}
            >
              {ACTIONS[b.action].label}
            </button>
          )}
          <button type="button" className="banner-close" onClick={() => c.dismiss(b.id)} aria-label="Dismiss this message" title="Dismiss">
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
