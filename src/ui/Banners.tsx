import { useAppState, useController } from "../app/useStore.ts";

/** Problems with input (URL, files, faults): where and why; the app keeps working. */
export function Banners() {
  const c = useController();
  const banners = useAppState((s) => s.banners);
  const notice = useAppState((s) => s.notice);
  if (banners.length === 0 && !notice) return null;
  return (
    <div className="banners">
      {banners.map((b) => (
        <div key={b.id} className="banner error" role="alert" data-testid="error-banner">
          <strong>{b.where}</strong>: {b.message}
          <button type="button" onClick={() => c.dismiss(b.id)} aria-label="Dismiss this message" title="Dismiss">
            ✕
          </button>
        </div>
      ))}
      {notice && (
        <div className="banner notice" role="status" data-testid="notice">
          {notice}
          <button type="button" onClick={() => c.store.set({ notice: null })} aria-label="Dismiss" title="Dismiss">
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
