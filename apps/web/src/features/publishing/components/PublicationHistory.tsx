import type { Article } from "@factmark/core";
import { useId } from "react";
import { LoadErrorMessage, LoadingMessage } from "../../../components/QueryStateMessage";
import { formatPublicationDay } from "../formatPublicationDay";
import { usePublicationsQuery } from "../hooks/usePublicationsQuery";

/** Every published version, newest first: its number, day, who published it, its correction note, and its page. */
export function PublicationHistory({ article }: { article: Article }) {
  const id = useId();
  const publications = usePublicationsQuery(article);
  if (article.publication.latestVersion === 0) return null;
  return (
    <section className="publishing-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Versions</h3>
      {publications.isPending ? (
        <LoadingMessage what="the versions" />
      ) : publications.isError ? (
        <LoadErrorMessage what="versions" onRetry={() => publications.refetch()} />
      ) : (
        <ol className="publication-history" reversed aria-labelledby={`${id}-heading`}>
          {publications.data.map((publication) => (
            <li key={publication.id}>
              <p className="publication-history__head">
                <a href={publication.url} target="_blank" rel="noopener noreferrer">
                  Version {publication.version}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>{" "}
                · <time dateTime={publication.publishedAt}>{formatPublicationDay(publication.publishedAt)}</time> ·{" "}
                {publication.publishedBy.name}
              </p>
              {publication.correctionNote && (
                <p className="publication-history__note">Correction: {publication.correctionNote}</p>
              )}
              {publication.retractedAt && (
                <p className="publication-history__note">
                  Retracted on {formatPublicationDay(publication.retractedAt)}
                  {publication.retractedBy && ` by ${publication.retractedBy.name}`}
                  {publication.retractionNote && `: ${publication.retractionNote}`}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
