import type { Article, Publication } from "@factmark/core";
import { useState } from "react";
import { formatPublicationDay } from "../formatPublicationDay";

export interface PublicationStatusProps {
  article: Article;
  /** The latest version, when loaded: it carries the retraction's note. */
  latest: Publication | undefined;
}

/**
 * Where the article's fact-check stands: "Not published", "Published version 2 on 2 December 2026" with its
 * public page (a link and a copy button), or "Retracted" with its note.
 */
export function PublicationStatus({ article, latest }: PublicationStatusProps) {
  const { latestVersion, latestPublishedAt, retractedAt, url } = article.publication;
  const [isCopied, setIsCopied] = useState(false);
  const [copyError, setCopyError] = useState(false);

  async function handleCopy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setIsCopied(true);
      setCopyError(false);
    } catch {
      setCopyError(true);
    }
  }

  if (latestVersion === 0) {
    return (
      <div className="publication-status">
        <p>
          <span className="publish-state">Not published</span>
        </p>
      </div>
    );
  }
  return (
    <div className="publication-status">
      {retractedAt ? (
        <p>
          <span className="publish-state publish-state--retracted">Retracted</span> on{" "}
          {formatPublicationDay(retractedAt)}
          {latest?.retractedBy && ` by ${latest.retractedBy.name}`}
          {latest?.retractionNote && (
            <>
              : <q>{latest.retractionNote}</q>
            </>
          )}
          . The public page says so.
        </p>
      ) : (
        <p>
          <span className="publish-state publish-state--published">Published</span> version {latestVersion}
          {latestPublishedAt && ` on ${formatPublicationDay(latestPublishedAt)}`}
        </p>
      )}
      {url && (
        <div className="publication-status__url">
          <a href={url} target="_blank" rel="noopener noreferrer">
            View public page<span aria-hidden="true"> ↗</span>
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
          <div className="publication-status__copy">
            <input aria-label="Public address" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
            <button type="button" className="button button--small" onClick={handleCopy}>
              {isCopied ? "Copied" : "Copy"}
            </button>
          </div>
          {copyError && (
            <p className="field__error" role="alert">
              Could not copy: select the address and copy it yourself.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
