import { useEffect } from "react";

export interface ToastProps {
  message: string;
  actionLabel?: string;
  onAction?: () => void;
  onDismiss: () => void;
  /** How long it stays, in milliseconds. */
  duration?: number;
  tone?: "info" | "error";
}

/** A short message at the bottom of the screen, announced to screen readers, with an optional action. */
export function Toast({ message, actionLabel, onAction, onDismiss, duration = 8000, tone = "info" }: ToastProps) {
  useEffect(() => {
    const timer = window.setTimeout(onDismiss, duration);
    return () => window.clearTimeout(timer);
  }, [onDismiss, duration]);
  return (
    <div className={`toast toast--${tone}`} role={tone === "error" ? "alert" : "status"}>
      <span>{message}</span>
      {actionLabel && onAction && (
        <button type="button" className="button button--inverse" onClick={onAction}>
          {actionLabel}
        </button>
      )}
      <button type="button" className="toast__close" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
