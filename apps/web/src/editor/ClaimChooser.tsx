import { type Claim, UNNAMED_SPEAKER, VERDICT_LABELS, VERDICTS_BY_SEVERITY } from "@factmark/core";
import { type CSSProperties, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";

export interface ClaimChooserProps {
  /** The claims on the words the reviewer clicked, two or more. */
  claims: readonly Claim[];
  onChoose: (claimId: string) => void;
  /**
   * Closed without a choice. By Escape or Tab `returnFocus` is true: the caller puts focus back in the text;
   * when focus left for something else (a click elsewhere) it stays there.
   */
  onClose: (options: { returnFocus: boolean }) => void;
  style?: CSSProperties;
}

const QUOTE_LENGTH = 60;

/**
 * A small list of the claims on overlapping words, each with its verdict and speaker, most severe first.
 * A listbox: it takes focus when it opens, arrows (and Home, End) move, Enter or Space chooses, Escape closes.
 */
export function ClaimChooser({ claims, onChoose, onClose, style }: ClaimChooserProps) {
  const listId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const ordered = [...claims].sort(
    (a, b) => VERDICTS_BY_SEVERITY.indexOf(a.verdict) - VERDICTS_BY_SEVERITY.indexOf(b.verdict),
  );

  useEffect(() => {
    listRef.current?.focus();
  }, []);

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = ordered.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, activeIndex + 1),
      ArrowUp: Math.max(0, activeIndex - 1),
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActiveIndex(moves[event.key] as number);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      const claim = ordered[activeIndex];
      if (claim) onChoose(claim.id);
    } else if (event.key === "Escape" || event.key === "Tab") {
      event.preventDefault();
      onClose({ returnFocus: true });
    }
  };

  return (
    <div className="claim-chooser" style={style}>
      <p className="claim-chooser__heading" id={`${listId}-label`}>
        {ordered.length} claims on these words
      </p>
      <div
        ref={listRef}
        className="claim-chooser__list"
        role="listbox"
        tabIndex={0}
        aria-labelledby={`${listId}-label`}
        aria-activedescendant={`${listId}-${activeIndex}`}
        onKeyDown={handleKeyDown}
        onBlur={(event) => {
          if (!event.currentTarget.parentElement?.contains(event.relatedTarget as Node | null)) {
            onClose({ returnFocus: false });
          }
        }}
      >
        {ordered.map((claim, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox itself takes the keys (aria-activedescendant)
          <div
            key={claim.id}
            tabIndex={-1}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className={`claim-chooser__option${index === activeIndex ? " claim-chooser__option--active" : ""}`}
            // Keep focus in the listbox while the mouse presses an option.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(claim.id)}
          >
            <span className={`verdict-count verdict-count--${claim.verdict} claim-chooser__verdict`}>
              {VERDICT_LABELS[claim.verdict]}
            </span>
            <span className="claim-chooser__speaker">{claim.speaker ?? UNNAMED_SPEAKER}</span>
            <span className="claim-chooser__quote" dir="auto">
              “{shorten(claim.selectors.quote.exact)}”
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}

function shorten(text: string): string {
  return text.length <= QUOTE_LENGTH ? text : `${text.slice(0, QUOTE_LENGTH - 1).trimEnd()}…`;
}
