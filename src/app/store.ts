import { produce, setAutoFreeze, type Draft } from "immer";

// Views and run results are large and replaced wholesale; freezing them every frame would cost.
setAutoFreeze(false);

type Listener = () => void;

/** A tiny observable store: replace with a patch, or edit a draft with immer. */
export class Store<S extends object> {
  private listeners = new Set<Listener>();

  constructor(private state: S) {}

  get = (): S => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(patch: Partial<S>): void {
    this.state = { ...this.state, ...patch };
    this.emit();
  }

  update(recipe: (draft: Draft<S>) => void): void {
    this.state = produce(this.state, recipe);
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
