// Catches a part of the screen that failed to load or render (typically a lazy chunk that 404s
// after the app was rebuilt under an open window) and says so, with a Reload button, instead of
// leaving a blank page. Unsaved story text survives: the editor keeps a copy in localStorage
// (editor/localCopy.ts) and offers it again after the reload.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, for the message: "the story editor", "the photo library". */
  what: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** A failed dynamic import: the browser's wording differs (Chromium, Firefox, Safari, Vite's preload). */
export function isChunkLoadError(error: Error): boolean {
  return /dynamically imported module|Importing a module script failed|error loading dynamically|Failed to fetch|preload CSS|Unable to preload/i.test(error.message);
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Newsdesk could not show ${this.props.what}:`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const chunk = isChunkLoadError(error);
    return (
      <div className="load-failed" role="alert">
        <h2>Could not load {this.props.what}</h2>
        <p>
          {chunk
            ? 'Part of Newsdesk could not be downloaded — usually because the app was updated while this window was open.'
            : 'Something went wrong while showing it.'}{' '}
          Reloading fixes this. Any unsaved story text is kept on this computer and offered again after the reload.
        </p>
        <p className="muted load-failed-detail">{error.message}</p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
