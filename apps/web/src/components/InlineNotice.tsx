export interface InlineNoticeProps {
  message: string;
  tone?: "info" | "error";
  /** Shows an Undo button when given. */
  onUndo?: () => void;
  onDismiss: () => void;
}

/** A small notice in place, announced to screen readers, with an optional Undo: it stays until dismissed. */
export function InlineNotice({ message, tone = "info", onUndo, onDismiss }: InlineNoticeProps) {
  return (
    <div className={`inline-notice inline-notice--${tone}`} role={tone === "error" ? "alert" : "status"}>
      <span>{message}</span>
      {onUndo && (
        <button type="button" className="button button--quiet inline-notice__undo" onClick={onUndo}>
          Undo
        </button>
      )}
      <button type="button" className="inline-notice__close" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
