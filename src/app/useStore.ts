import { createContext, useContext, useSyncExternalStore } from "react";
import type { Controller } from "./controller.ts";
import type { AppState } from "./state.ts";

export const ControllerContext = createContext<Controller | null>(null);

export function useController(): Controller {
  const c = useContext(ControllerContext);
  if (!c) throw new Error("useController outside <ControllerContext.Provider>");
  return c;
}

/** Reads a slice of the app state; re-renders only when that slice changes (by identity). */
export function useAppState<T>(select: (s: AppState) => T): T {
  const c = useController();
  return useSyncExternalStore(c.store.subscribe, () => select(c.store.get()));
}
