import { VERDICT_KEYS, VERDICT_LABELS, VERDICTS, type Verdict } from "@factmark/core";
import type { CSSProperties } from "react";
import { readOnlyNotice } from "../../auth/components/AccessNotice";

/** What a reader who may not mark sees where the verdicts would be: marking needs reviewer access. */
export const READ_ONLY_NOTICE = readOnlyNotice("reviewer");

export interface VerdictToolbarProps {
  onChoose: (verdict: Verdict) => void;
  style?: CSSProperties;
  /** The reviewer may not mark claims: the toolbar says so instead. */
  isReadOnly?: boolean;
  /** How many verdict keys a read-only reviewer pressed on this selection: from the first, the notice is read out. */
  refusedCount?: number;
}

/** The small toolbar by a selection: one button per verdict, with its key; or, read only, why there are none. */
export function VerdictToolbar({ onChoose, style, isReadOnly = false, refusedCount = 0 }: VerdictToolbarProps) {
  if (isReadOnly) {
    return (
      <div
        className={`verdict-toolbar verdict-toolbar--read-only${refusedCount > 0 ? " verdict-toolbar--refused" : ""}`}
        style={style}
      >
        {/* Keyed by the count: each refused key press is read out again. */}
        <p key={refusedCount} role={refusedCount > 0 ? "alert" : "status"}>
          {READ_ONLY_NOTICE}
        </p>
      </div>
    );
  }
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
