import { KEYS } from "../app/keyboard.ts";
import { useAppState, useController } from "../app/useStore.ts";

/** The key bindings (press ? to show or hide). */
export function KeysHelp() {
  const c = useController();
  const shown = useAppState((s) => s.keysHelp);
  if (!shown) return null;
  return (
    <div className="keys-help" role="dialog" aria-label="Keyboard" data-testid="keys-help">
      <h3>Keyboard</h3>
      <table>
        <tbody>
          {KEYS.map((k) => (
            <tr key={k.keys}>
              <td>
                <kbd>{k.keys}</kbd>
              </td>
              <td>{k.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => c.store.set({ keysHelp: false })} data-testid="close-keys-help">
        Close
      </button>
    </div>
  );
}
