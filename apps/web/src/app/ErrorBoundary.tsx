import { Component, type ReactNode } from "react";
import { ServerFirstScreenRemoved } from "./serverFirstScreen";

interface State {
  error: Error | null;
}

/** Shows a way out instead of a blank page when rendering fails. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="page-message" role="alert">
          <ServerFirstScreenRemoved />
          <h1>Something went wrong</h1>
          <p>{this.state.error.message}</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
