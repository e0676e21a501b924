import { type Claim, ZSpeaker } from "@factmark/core";
import { type KeyboardEvent, useId, useState } from "react";
import { SpeakerRecordLink } from "../../speakers/components/SpeakerRecordLink";
import { useSpeakersQuery } from "../hooks/useSpeakersQuery";

export interface SpeakerFieldProps {
  claim: Claim;
  onSave: (speaker: string | null) => void;
}

/** How many suggestions show at once. */
const MAX_SUGGESTIONS = 8;

/** The speakers whose name holds what is typed (all of them when nothing is), the ones it starts first. */
function suggestionsFor(speakers: readonly string[], typed: string): string[] {
  const wanted = typed.trim().toLocaleLowerCase();
  if (!wanted) return speakers.slice(0, MAX_SUGGESTIONS);
  const matches = speakers.filter((speaker) => speaker.toLocaleLowerCase().includes(wanted));
  const starting = matches.filter((speaker) => speaker.toLocaleLowerCase().startsWith(wanted));
  return [...starting, ...matches.filter((speaker) => !starting.includes(speaker))].slice(0, MAX_SUGGESTIONS);
}

/**
 * The unsaved names typed per claim id, so a draft outlives its field (the claim's card collapsing, another claim
 * selected) for as long as the page is open; a save or Escape clears it.
 */
const drafts = new Map<string, string>();

/** The one speaker whose name `typed` begins without being all of it (case aside); null if none or several. */
function onlyNameBegunBy(speakers: readonly string[], typed: string): string | null {
  const wanted = typed.trim().toLocaleLowerCase();
  if (!wanted || speakers.some((speaker) => speaker.toLocaleLowerCase() === wanted)) return null;
  const begun = speakers.filter((speaker) => speaker.toLocaleLowerCase().startsWith(wanted));
  return begun.length === 1 ? (begun[0] as string) : null;
}

/**
 * Who made the claim: a combobox suggesting the speakers already used in this article as you type. It stores
 * only on an explicit act: choosing a suggestion (click, or arrows then Enter), or Enter on the name typed.
 * Enter on a name that only begins one existing speaker's name ("Rob" while "Robert Malley" is there) takes
 * that speaker: a half-typed name is never stored for a whole one (to add a new speaker whose name begins
 * another's, type it whole). Leaving the field stores nothing: a half-typed name stays in it, marked "Not
 * saved", and is kept as a draft if the field goes away (the card collapses), so a slip of Tab neither makes a
 * speaker of "Ser" nor throws away what was typed. Escape puts back the stored name. A save keeps the field
 * (and its focus) in place.
 */
export function SpeakerField({ claim, onSave }: SpeakerFieldProps) {
  const id = useId();
  const speakersQuery = useSpeakersQuery(claim.articleId);
  const stored = claim.speaker ?? "";
  const [draft, setDraftState] = useState(() => drafts.get(claim.id) ?? stored);
  // The claim came back with another stored name (a save, someone else's change): the field shows it, unless a
  // draft is being typed.
  const [shownStored, setShownStored] = useState(stored);
  if (shownStored !== stored) {
    setShownStored(stored);
    if (!drafts.has(claim.id)) setDraftState(stored);
  }
  function setDraft(value: string) {
    setDraftState(value);
    if (value.trim() === stored) drafts.delete(claim.id);
    else drafts.set(claim.id, value);
  }
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const suggestions = suggestionsFor(speakersQuery.data ?? [], draft);
  const isListShown = isOpen && suggestions.length > 0;
  const isUnsaved = draft.trim() !== stored;

  function save(name: string) {
    const parsed = ZSpeaker.safeParse(name);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Not a valid name.");
      return;
    }
    setError(null);
    drafts.delete(claim.id);
    setDraftState(parsed.data ?? "");
    setIsOpen(false);
    setActiveIndex(-1);
    if (parsed.data !== claim.speaker) onSave(parsed.data);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!isListShown) {
        setIsOpen(true);
        setActiveIndex(event.key === "ArrowDown" ? 0 : suggestions.length - 1);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      // Up from the first suggestion goes back to what was typed (no suggestion active).
      setActiveIndex((index) => Math.max(-1, Math.min(suggestions.length - 1, index + step)));
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      const chosen = isListShown ? suggestions[activeIndex] : undefined;
      save(chosen ?? onlyNameBegunBy(speakersQuery.data ?? [], draft) ?? draft);
      return;
    }
    if (event.key === "Escape") {
      // First the suggestions close; then the stored name comes back. Either way the desk's Escape waits.
      if (isListShown) setIsOpen(false);
      else if (isUnsaved) {
        drafts.delete(claim.id);
        setDraftState(stored);
        setError(null);
      } else return;
      event.stopPropagation();
    }
  }

  const listId = `${id}-suggestions`;
  const statusId = `${id}-speaker-status`;
  const describedBy = [error ? `${id}-speaker-error` : null, isUnsaved && !error ? statusId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field speaker-field">
      <div className="field__heading">
        <label htmlFor={`${id}-speaker`}>Speaker</label>
        {/* The stored speaker's record across the newsroom, one click away. */}
        <SpeakerRecordLink speaker={claim.speaker} />
      </div>
      <input
        id={`${id}-speaker`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isListShown}
        aria-controls={listId}
        aria-activedescendant={isListShown && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
        value={draft}
        placeholder="Who said it?"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          setIsOpen(true);
          setActiveIndex(-1);
        }}
        onFocus={() => setIsOpen(true)}
        onBlur={() => setIsOpen(false)}
        onKeyDown={handleKeyDown}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="Speakers in this article"
        className="speaker-field__list"
        hidden={!isListShown}
      >
        {isListShown &&
          suggestions.map((speaker, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox takes the keys (aria-activedescendant)
            <div
              key={speaker}
              tabIndex={-1}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className={`speaker-field__option${index === activeIndex ? " speaker-field__option--active" : ""}`}
              // Keep focus in the field while the mouse presses a suggestion.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => save(speaker)}
            >
              {speaker}
            </div>
          ))}
      </div>
      {isUnsaved && !error && (
        <p className="field__help speaker-field__unsaved" id={statusId}>
          Not saved — press Enter to save “{draft.trim() || "no speaker"}”, Esc to put back{" "}
          {stored ? `“${stored}”` : "no speaker"}.
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-speaker-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
