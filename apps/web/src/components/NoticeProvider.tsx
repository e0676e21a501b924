import { createContext, type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { Toast } from "./Toast";

/** A short message for the reviewer, with an optional way to undo what it reports. */
export interface Notice {
  message: string;
  tone: "info" | "error";
  undo?: () => void;
}

export interface NoticeContextValue {
  /** The notice showing now; one at a time, a newer one replaces it. */
  notice: Notice | null;
  showNotice: (notice: Notice) => void;
  dismissNotice: () => void;
  /** Closes the notice and runs its undo; null when the notice showing offers none. */
  undoNotice: (() => void) | null;
}

export const NoticeContext = createContext<NoticeContextValue | null>(null);

/** Shows the notices its children raise (with `useNotice`) as a toast; they go when the provider does. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<{ id: number; notice: Notice } | null>(null);
  const countRef = useRef(0);

  const showNotice = useCallback((notice: Notice) => {
    countRef.current += 1;
    setShown({ id: countRef.current, notice });
  }, []);
  const dismissNotice = useCallback(() => setShown(null), []);
  const notice = shown?.notice ?? null;
  const undoNotice = useMemo(() => {
    const undo = notice?.undo;
    if (!undo) return null;
    return () => {
      setShown(null);
      undo();
    };
  }, [notice]);
  const value = useMemo(
    () => ({ notice, showNotice, dismissNotice, undoNotice }),
    [notice, showNotice, dismissNotice, undoNotice],
  );

  return (
    <NoticeContext.Provider value={value}>
      {children}
      {shown && (
        // Keyed by notice, so a newer one starts its own time on screen.
        <Toast
          key={shown.id}
          message={shown.notice.message}
          tone={shown.notice.tone}
          actionLabel={undoNotice ? "Undo" : undefined}
          onAction={undoNotice ?? undefined}
          onDismiss={dismissNotice}
        />
      )}
    </NoticeContext.Provider>
  );
}
