import type { NewsroomSpeakerDetail, NewsroomSpeakerUpdate } from "@factmark/core";
import { type FormEvent, useId, useState } from "react";
import { errorMessage } from "../../../lib/ApiError";
import { useUpdateNewsroomSpeakerMutation } from "../hooks/useNewsroomSpeakerMutations";

export interface SpeakerAliasesEditorProps {
  speaker: NewsroomSpeakerDetail;
  canEdit: boolean;
}

/**
 * Every spelling of the speaker's name that claims may use, the name shown first. Reviewers add a spelling, remove
 * one (a spelling claims still use becomes a speaker of its own), or show another as the name. A spelling another
 * speaker has is refused, with the server's word that the two should be merged instead.
 */
export function SpeakerAliasesEditor({ speaker, canEdit }: SpeakerAliasesEditorProps) {
  const id = useId();
  const update = useUpdateNewsroomSpeakerMutation(speaker.id);
  const [added, setAdded] = useState("");
  const spellings = [speaker.name, ...speaker.aliases.filter((alias) => alias !== speaker.name)];
  const usedBy = new Map<string, number>();
  for (const claim of speaker.claims) usedBy.set(claim.speaker, (usedBy.get(claim.speaker) ?? 0) + 1);

  function save(change: NewsroomSpeakerUpdate, onSaved?: () => void) {
    update.mutate(change, { onSuccess: onSaved });
  }

  function handleAdd(event: FormEvent) {
    event.preventDefault();
    const alias = added.trim();
    if (alias === "") return;
    if (speaker.aliases.includes(alias)) {
      setAdded("");
      return;
    }
    save({ aliases: [...speaker.aliases, alias] }, () => setAdded(""));
  }

  return (
    <section className="speaker-record__section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Spellings</h2>
      <ul className="alias-list">
        {spellings.map((alias) => {
          const count = usedBy.get(alias) ?? 0;
          return (
            <li key={alias} className="alias-list__item">
              <bdi className="alias-list__name">{alias}</bdi>
              <span className="alias-list__note">
                {alias === speaker.name ? "shown name · " : ""}
                {count === 0 ? "no live claim" : count === 1 ? "1 claim" : `${count} claims`}
              </span>
              {canEdit && alias !== speaker.name && (
                <span className="alias-list__actions">
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    disabled={update.isPending}
                    onClick={() => save({ name: alias })}
                    aria-label={`Show “${alias}” as the name`}
                  >
                    Show as name
                  </button>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    disabled={update.isPending}
                    onClick={() => save({ aliases: speaker.aliases.filter((other) => other !== alias) })}
                    aria-label={`Remove the spelling “${alias}”`}
                  >
                    Remove
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {canEdit && spellings.length > 1 && (
        <p className="field__help">Removing a spelling that claims use makes it a speaker of its own.</p>
      )}
      {canEdit && (
        <form className="alias-form" onSubmit={handleAdd}>
          <div className="field alias-form__field">
            <label htmlFor={`${id}-alias`}>Add a spelling</label>
            <input
              id={`${id}-alias`}
              value={added}
              maxLength={200}
              autoComplete="off"
              onChange={(event) => {
                setAdded(event.target.value);
                if (update.isError) update.reset();
              }}
              aria-invalid={update.isError || undefined}
              aria-describedby={update.isError ? `${id}-alias-error` : undefined}
            />
          </div>
          <button type="submit" className="button button--small" disabled={update.isPending || added.trim() === ""}>
            Add
          </button>
        </form>
      )}
      {update.isError && (
        <p id={`${id}-alias-error`} className="field__error" role="alert">
          {errorMessage(update.error)}
        </p>
      )}
    </section>
  );
}
