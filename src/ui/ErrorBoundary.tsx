import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  /** What failed, as the user knows it: "the Events tab", "the diagram". */
  readonly name: string;
  readonly children: ReactNode;
  /** Changing it clears a shown error (e.g. another scenario was opened). */
  readonly resetKey?: unknown;
}

interface State {
  readonly error: Error | null;
  readonly resetKey: unknown;
}

/**
 * Contains a bug in one panel or view: that panel shows what failed and a
 * way to retry, the rest of the app keeps working.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`msgsim: ${this.props.name} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel-error" role="alert" data-testid="panel-error">
        <strong>{this.props.name} failed</strong>: {error.message || String(error)}
        <p className="muted small">The rest of the app still works. This is a bug in msgsim: please report it with the link (Copy link).</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
