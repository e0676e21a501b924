import { type Claim, LINK_KINDS, type LinkKind, ZLinkCreate } from "@factmark/core";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { isPendingId } from "../../../lib/pendingId";
import { useCreateLinkMutation } from "../hooks/useCreateLinkMutation";
import { linkErrorMessage } from "../linkErrorMessage";
import { quotePreview } from "../quotePreview";

export interface LinkPickerProps {
  /** The claim the link starts from. */
  fromClaim: Claim;
  /** The claims of the article; the picker offers all but `fromClaim`. */
  claims: readonly Claim[];
  /** The claim picked, from the list here or by clicking its highlight in the text. */
  pickedClaimId: string | null;
  onPickClaim: (claimId: string) => void;
  onClose: () => void;
}

const KIND_LABELS: Record<LinkKind, string> = { contradicts: "Contradicts", supports: "Supports" };

/** Whether a claim's quote or speaker holds every word of the search, ignoring case. */
function matchesSearch(claim: Claim, search: string): boolean {
  const haystack = `${claim.selectors.quote.exact} ${claim.speaker ?? ""}`.toLocaleLowerCase();
  return search
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * A panel that links one claim to another of the same article: search and pick the other claim
 * (or click its highlight), choose contradicts or supports, add a note. Escape closes it.
 */
export function LinkPicker({ fromClaim, claims, pickedClaimId, onPickClaim, onClose }: LinkPickerProps) {
  const id = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState("");
  const [kind, setKind] = useState<LinkKind>("contradicts");
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const createMutation = useCreateLinkMutation(fromClaim.articleId);

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  const otherClaims = claims.filter((claim) => claim.id !== fromClaim.id && !isPendingId(claim.id));
  const candidates = otherClaims.filter((claim) => matchesSearch(claim, search));
  const pickedClaim = otherClaims.find((claim) => claim.id === pickedClaimId) ?? null;
  const isPending = createMutation.isPending;
  // An error about one pair no longer applies once the reviewer picks another claim or kind.
  const attempt = createMutation.variables;
  const isErrorShown = createMutation.isError && attempt?.toClaimId === pickedClaim?.id && attempt?.kind === kind;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!pickedClaim || isPending) return;
    const parsed = ZLinkCreate.safeParse({
      fromClaimId: fromClaim.id,
      toClaimId: pickedClaim.id,
      kind,
      note: note.trim() || undefined,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues.find((item) => item.path[0] === "note") ?? parsed.error.issues[0];
      setNoteError(issue?.message ?? "This link is not valid.");
      return;
    }
    setNoteError(null);
    createMutation.mutate(parsed.data, { onSuccess: () => onClose() });
  }

  /** Arrows in the search pick the next or previous claim listed, so the keyboard never leaves the search. */
  function handleSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    if (candidates.length === 0) return;
    const at = candidates.findIndex((claim) => claim.id === pickedClaim?.id);
    const step = event.key === "ArrowDown" ? 1 : -1;
    const next =
      at === -1 ? (step === 1 ? 0 : candidates.length - 1) : (at + step + candidates.length) % candidates.length;
    onPickClaim((candidates[next] as Claim).id);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== "Escape") return;
    event.stopPropagation();
    onClose();
  }

  const headingId = `${id}-heading`;
  const noteErrorId = `${id}-note-error`;
  return (
    <section
      className="link-picker"
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      onKeyDown={handleKeyDown}
    >
      <h3 id={headingId} className="link-picker__heading">
        Link this claim
      </h3>
      <p className="link-picker__from">“{quotePreview(fromClaim.selectors.quote.exact, 160)}”</p>
      <form onSubmit={handleSubmit} noValidate>
        <label className="fact-field">
          <span className="fact-field__label">Find a claim</span>
          <input
            ref={searchRef}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onKeyDown={handleSearchKeyDown}
            placeholder="Quote or speaker"
            aria-describedby={`${id}-search-help`}
          />
        </label>
        <p className="fact-field__help link-picker__help" id={`${id}-search-help`}>
          Words of the quote or the speaker; ↓ and ↑ pick a claim, Enter links it.
        </p>
        <fieldset className="link-picker__candidates">
          <legend>Claim to link to</legend>
          {otherClaims.length === 0 ? (
            <p className="empty-state">This article has no other claim yet. Mark another claim first.</p>
          ) : candidates.length === 0 ? (
            <p className="empty-state">No other claim matches “{search}”.</p>
          ) : (
            <ul className="link-picker__list">
              {candidates.map((claim) => (
                <li key={claim.id}>
                  <label className={`link-picker__candidate link-picker__candidate--${claim.verdict}`}>
                    <input
                      type="radio"
                      name={`${id}-claim`}
                      value={claim.id}
                      checked={claim.id === pickedClaim?.id}
                      onChange={() => onPickClaim(claim.id)}
                    />
                    <span>
                      “{quotePreview(claim.selectors.quote.exact)}”
                      {claim.speaker && <span className="link-picker__speaker"> — {claim.speaker}</span>}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <p className="link-picker__picked" aria-live="polite">
          {pickedClaim
            ? `Linking to “${quotePreview(pickedClaim.selectors.quote.exact, 80)}”`
            : "Pick a claim from the list, or click its highlight in the text."}
        </p>
        <fieldset className="link-picker__kinds">
          <legend>This claim…</legend>
          {LINK_KINDS.map((value) => (
            <label key={value} className="link-picker__kind">
              <input
                type="radio"
                name={`${id}-kind`}
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {KIND_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <label className="fact-field">
          <span className="fact-field__label">Note (optional)</span>
          <textarea
            value={note}
            rows={2}
            onChange={(event) => setNote(event.target.value)}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? noteErrorId : undefined}
          />
        </label>
        {noteError && (
          <p id={noteErrorId} className="fact-field__error">
            {noteError}
          </p>
        )}
        {isErrorShown && (
          <p className="fact-form__error" role="alert">
            {linkErrorMessage(createMutation.error)}
          </p>
        )}
        <div className="fact-form__actions">
          <button type="submit" className="button button--primary" disabled={!pickedClaim || isPending}>
            {isPending ? "Linking…" : "Link"}
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
