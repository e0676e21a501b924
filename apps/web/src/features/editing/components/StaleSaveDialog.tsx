import { type Article, articleText, type DocNode } from "@factmark/core";
import { useEffect, useMemo, useRef, useState } from "react";

export interface StaleSaveDialogProps {
  theirs: Article;
  mine: DocNode;
  onReapplyMine: () => void;
  onKeepMine: () => void;
  onCancel: () => void;
}

/** The paragraphs that differ between their saved text and mine, for the reviewer to compare. */
function differingParagraphs(theirs: string, mine: string): { theirs: string[]; mine: string[] } {
  const theirLines = theirs.split("\n");
  const mineLines = mine.split("\n");
  const theirSet = new Set(theirLines);
  const mineSet = new Set(mineLines);
  return {
    theirs: theirLines.filter((line) => line.trim() && !mineSet.has(line)),
    mine: mineLines.filter((line) => line.trim() && !theirSet.has(line)),
  };
}

/**
 * Someone saved a newer version while this reviewer was editing: offers to load theirs and
 * re-apply these edits (a merge by paragraph), or, after seeing the difference, to keep these.
 */
export function StaleSaveDialog({ theirs, mine, onReapplyMine, onKeepMine, onCancel }: StaleSaveDialogProps) {
  const [isDifferenceShown, setIsDifferenceShown] = useState(false);
  const firstButtonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => firstButtonRef.current?.focus(), []);
  const difference = useMemo(() => differingParagraphs(theirs.text, articleText(mine)), [theirs.text, mine]);
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog dialog--wide"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="stale-save-title"
        aria-describedby="stale-save-description"
        onKeyDown={(event) => {
          if (event.key === "Escape") onCancel();
        }}
      >
        <h2 id="stale-save-title">Someone saved a newer version</h2>
        <p id="stale-save-description">
          The article was saved by someone else (now version {theirs.version}) while you were editing. Your edits are
          kept until you choose.
        </p>
        {isDifferenceShown && (
          <div className="stale-save__difference">
            <section aria-labelledby="stale-theirs">
              <h3 id="stale-theirs">Only in their version</h3>
              {difference.theirs.length === 0 ? <p className="empty-state">Nothing.</p> : null}
              {difference.theirs.map((line) => (
                <p key={`theirs-${line}`} className="stale-save__line">
                  {line}
                </p>
              ))}
            </section>
            <section aria-labelledby="stale-mine">
              <h3 id="stale-mine">Only in yours</h3>
              {difference.mine.length === 0 ? <p className="empty-state">Nothing.</p> : null}
              {difference.mine.map((line) => (
                <p key={`mine-${line}`} className="stale-save__line">
                  {line}
                </p>
              ))}
            </section>
          </div>
        )}
        <div className="field__actions">
          <button ref={firstButtonRef} type="button" className="button button--primary" onClick={onReapplyMine}>
            Load theirs and re-apply my edits
          </button>
          {isDifferenceShown ? (
            <button type="button" className="button" onClick={onKeepMine}>
              Save mine over theirs
            </button>
          ) : (
            <button type="button" className="button" onClick={() => setIsDifferenceShown(true)}>
              Compare the versions
            </button>
          )}
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Keep editing
          </button>
        </div>
      </div>
    </div>
  );
}
