import type { ArticleSummary } from "@factmark/core";
import { initialsOf } from "../../live/initialsOf";
import "../workflow.css";

export interface ArticleProgressProps {
  progress: ArticleSummary["progress"];
  publication: ArticleSummary["publication"];
}

/**
 * An article's way to publication, for the article list: "7 of 12 approved" (of the claims with a verdict), how
 * many wait for review or for changes, who is on it, and whether it is published (or retracted).
 */
export function ArticleProgress({ progress, publication }: ArticleProgressProps) {
  const { withVerdict, approved, readyForReview, changesRequested, assignees } = progress;
  const share = withVerdict === 0 ? 0 : Math.round((approved / withVerdict) * 100);
  return (
    <div className="article-progress">
      <p className="article-progress__approved">
        {withVerdict === 0 ? (
          "No verdicts yet"
        ) : (
          <>
            <span className="article-progress__bar" aria-hidden="true">
              <span className="article-progress__bar-fill" style={{ width: `${share}%` }} />
            </span>
            {approved} of {withVerdict} approved
          </>
        )}
      </p>
      {readyForReview > 0 && <p>{readyForReview} waiting for review</p>}
      {changesRequested > 0 && <p>{changesRequested} with changes requested</p>}
      {assignees.length > 0 && (
        <div className="article-progress__people">
          <span>On it:</span>
          <ul aria-label="Assigned">
            {assignees.map((person) => (
              <li key={person.id} className="person-initials" title={person.name}>
                <span aria-hidden="true">{initialsOf(person.name)}</span>
                <span className="visually-hidden">{person.name}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <PublicationBadge publication={publication} />
    </div>
  );
}

/** "Published" (its version after a correction), linking to the public page; "Retracted" once retracted. */
function PublicationBadge({ publication }: { publication: ArticleSummary["publication"] }) {
  if (publication.latestVersion === 0) return null;
  if (publication.retractedAt !== null) {
    return <span className="publication-badge publication-badge--retracted">Retracted</span>;
  }
  const label = publication.latestVersion > 1 ? `Published · version ${publication.latestVersion}` : "Published";
  return publication.url ? (
    <a className="publication-badge" href={publication.url} target="_blank" rel="noopener noreferrer">
      {label}
      <span className="visually-hidden"> (the public page, opens in a new tab)</span>
    </a>
  ) : (
    <span className="publication-badge">{label}</span>
  );
}
