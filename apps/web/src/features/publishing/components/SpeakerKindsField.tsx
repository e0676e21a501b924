import { type Article, SPEAKER_KINDS, type SpeakerKind } from "@factmark/core";
import { useId } from "react";
import { useUpdateArticleMetadataMutation } from "../../articles/hooks/useUpdateArticleMetadataMutation";
import { useSpeakersQuery } from "../../claims/hooks/useSpeakersQuery";
import { publishingErrorMessage } from "../publishingErrorMessage";

const KIND_LABELS: Record<SpeakerKind, string> = { Person: "Person", Organization: "Organization" };

export interface SpeakerKindsFieldProps {
  article: Article;
  /** Editors set the kinds; everyone else reads them. */
  canEdit: boolean;
  /** Prefixes the id of each speaker's select, so the panel can point at the first one unset. */
  idPrefix: string;
}

/** The id of the select of a speaker's kind, so that a blocker can point at it. */
export function speakerKindSelectId(idPrefix: string, index: number): string {
  return `${idPrefix}-speaker-kind-${index}`;
}

/**
 * Whether each speaker of the article's claims is a person or an organisation, as the public ClaimReview says
 * it. Each choice is saved at once with If-Match; on a 412 the list shows the current article and says so.
 */
export function SpeakerKindsField({ article, canEdit, idPrefix }: SpeakerKindsFieldProps) {
  const id = useId();
  const speakersQuery = useSpeakersQuery(article.id);
  const updateArticle = useUpdateArticleMetadataMutation();
  const pending = updateArticle.isPending ? updateArticle.variables?.change.speakerKinds : undefined;

  function handleChange(name: string, value: string) {
    updateArticle.mutate({
      article,
      change: { speakerKinds: { [name]: value === "" ? null : (value as SpeakerKind) } },
    });
  }

  const speakers = speakersQuery.data ?? [];
  return (
    <section className="publishing-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Speakers</h3>
      <p className="field__help">The public page says whether each speaker is a person or an organisation.</p>
      {speakersQuery.isPending ? (
        <p className="loading">Loading the speakers…</p>
      ) : speakersQuery.isError ? (
        <p role="alert">Could not load the speakers.</p>
      ) : speakers.length === 0 ? (
        <p className="empty-state">No claim names a speaker yet.</p>
      ) : (
        <ul className="speaker-kinds">
          {speakers.map((name, index) => {
            const pendingKind = pending && name in pending ? pending[name] : undefined;
            const kind = pendingKind !== undefined ? pendingKind : article.speakerKinds[name];
            return (
              <li key={name} className="speaker-kinds__row">
                {canEdit ? (
                  <>
                    <label htmlFor={speakerKindSelectId(idPrefix, index)} className="speaker-kinds__name">
                      <span className="visually-hidden">Kind of </span>
                      <bdi>{name}</bdi>
                    </label>
                    <select
                      id={speakerKindSelectId(idPrefix, index)}
                      value={kind ?? ""}
                      disabled={updateArticle.isPending}
                      onChange={(event) => handleChange(name, event.target.value)}
                    >
                      <option value="">Not set</option>
                      {SPEAKER_KINDS.map((option) => (
                        <option key={option} value={option}>
                          {KIND_LABELS[option]}
                        </option>
                      ))}
                    </select>
                  </>
                ) : (
                  <>
                    <bdi className="speaker-kinds__name">{name}</bdi>
                    <span>{kind ? KIND_LABELS[kind] : "Not set"}</span>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {updateArticle.error && (
        <p className="field__error" role="alert">
          {publishingErrorMessage(updateArticle.error, "The speaker's kind")}
        </p>
      )}
    </section>
  );
}
