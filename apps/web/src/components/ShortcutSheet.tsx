import { type KeyboardEvent, useEffect, useId, useRef } from "react";

/** One row of the sheet: the ways to press it (each a sequence of key labels) and what it does. */
export interface ShortcutSheetRow {
  keys: readonly (readonly string[])[];
  description: string;
}

export interface ShortcutSheetProps {
  title?: string;
  rows: readonly ShortcutSheetRow[];
  onClose: () => void;
}

/**
 * A modal sheet listing keyboard shortcuts. It takes focus as it opens, keeps Tab inside, closes on Escape or
 * its button, and gives focus back to where it was.
 */
export function ShortcutSheet({ title = "Keyboard shortcuts", rows, onClose }: ShortcutSheetProps) {
  const headingId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => previous?.focus();
  }, []);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === "Tab") {
      // One button to reach: Tab stays on it.
      event.preventDefault();
      closeRef.current?.focus();
    }
  }

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog shortcut-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        onKeyDown={handleKeyDown}
      >
        <div className="shortcut-sheet__heading">
          <h2 id={headingId}>{title}</h2>
          <button ref={closeRef} type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
        <table className="shortcut-sheet__table">
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">What they do</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.description}>
                <td>
                  {row.keys.map((sequence, index) => (
                    <span key={sequence.join(" ")}>
                      {index > 0 && " or "}
                      {sequence.map((key, keyIndex) => (
                        <span key={`${key}-${keyIndex.toString()}`}>
                          {keyIndex > 0 && " then "}
                          <kbd>{key}</kbd>
                        </span>
                      ))}
                    </span>
                  ))}
                </td>
                <td>{row.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="field__help">Shortcuts wait while you type in a field.</p>
      </div>
    </div>
  );
}
