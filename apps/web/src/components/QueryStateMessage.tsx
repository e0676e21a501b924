/** What a section shows while its data loads: "Loading evidence…", announced politely. */
export function LoadingMessage({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** What a section shows when its data could not be loaded, with a way to try again. */
export function LoadErrorMessage({ what, onRetry }: { what: string; onRetry: () => void }) {
  return (
    <div className="fact-form__error" role="alert">
      <p>The {what} could not be loaded.</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
