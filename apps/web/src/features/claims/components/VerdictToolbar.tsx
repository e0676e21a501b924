import { VERDICT_KEYS, VERDICT_LABELS, VERDICTS, type Verdict } from "@factmark/core";
import type { CSSProperties } from "react";

export interface VerdictToolbarProps {
  onChoose: (verdict: Verdict) => void;
  style?: CSSProperties;
}

/** The small toolbar by a selection: one button per verdict, with its key. */
export function VerdictToolbar({ onChoose, style }: VerdictToolbarProps) {
  return (
    <div className="verdict-toolbar" role="toolbar" aria-label="Mark the selection as a claim" style={style}>
      {VERDICTS.map((verdict) => (
        <button
          key={verdict}
          type="button"
          className={`verdict-button verdict-button--${verdict}`}
          // Keep the text selection when the button is pressed with the mouse.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(verdict)}
          aria-keyshortcuts={VERDICT_KEYS[verdict].join(" ")}
        >
          {VERDICT_LABELS[verdict]} <kbd>{VERDICT_KEYS[verdict][0].toUpperCase()}</kbd>
        </button>
      ))}
    </div>
  );
}
