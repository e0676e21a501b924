import { VERDICT_LABELS, type WorkItem } from "@factmark/core";
import { useEffect, useMemo } from "react";
import { Link } from "wouter";
import { errorMessage } from "../../../lib/ApiError";
import { formatRelativeTime } from "../../history/formatRelativeTime";
import { useNow } from "../../history/hooks/useNow";
import { quotePreview } from "../../links/quotePreview";
import { claimAddress } from "../claimAddress";
import { describeReview } from "../describeReview";
import { useMyWorkQuery } from "../hooks/useMyWorkQuery";
import { ClaimStatusBadge } from "./ClaimStatusBadge";
import "../workflow.css";

interface ArticleWork {
  article: WorkItem["article"];
  items: WorkItem[];
}

/** Work items grouped by article, the article with the latest change first (the list comes latest first). */
function groupByArticle(items: readonly WorkItem[]): ArticleWork[] {
  const groups = new Map<string, ArticleWork>();
  for (const item of items) {
    const group = groups.get(item.article.id) ?? { article: item.article, items: [] };
    group.items.push(item);
    groups.set(item.article.id, group);
  }
  return [...groups.values()];
}

/** "My work": the claims assigned to the signed-in account that are not approved yet, by article. */
export function MyWorkPage() {
  const workQuery = useMyWorkQuery();
  const groups = useMemo(() => groupByArticle(workQuery.data ?? []), [workQuery.data]);
  const now = useNow();
  useEffect(() => {
    document.title = "My work · Factmark";
  }, []);

  return (
    <section className="my-work-page" aria-labelledby="my-work-heading">
      <h1 id="my-work-heading">My work</h1>
      <p className="article-meta">The claims assigned to you that are not approved yet, across articles.</p>
      {workQuery.isPending ? (
        <p className="loading" role="status">
          Loading your work…
        </p>
      ) : workQuery.isError ? (
        <div role="alert">
          <p>Could not load your work: {errorMessage(workQuery.error)}</p>
          <button type="button" className="button" onClick={() => workQuery.refetch()}>
            Try again
          </button>
        </div>
      ) : groups.length === 0 ? (
        <p className="empty-state">Nothing assigned to you. When an editor assigns you a claim, it shows here.</p>
      ) : (
        groups.map(({ article, items }) => (
          <section key={article.id} className="my-work__article" aria-labelledby={`work-${article.id}`}>
            <h2 id={`work-${article.id}`}>
              <Link href={`/articles/${encodeURIComponent(article.id)}`}>{article.title}</Link>
            </h2>
            <ul className="my-work__list">
              {items.map((item) => (
                <li key={item.claimId} className={`work-item work-item--${item.verdict}`}>
                  <Link href={claimAddress(article.id, item.claimId)} className="work-item__quote">
                    <span className="visually-hidden">Open claim: </span>
                    <bdi dir="auto">“{quotePreview(item.exact, 160)}”</bdi>
                  </Link>
                  <p className="work-item__meta">
                    <ClaimStatusBadge status={item.status} />
                    <span>{VERDICT_LABELS[item.verdict]}</span>
                    <span>Changed {formatRelativeTime(item.updatedAt, now)}</span>
                  </p>
                  {/* What to change is what the assignee needs; an approval waiting for a second one asks nothing of them. */}
                  {item.latestReview?.decision === "request-changes" && (
                    <p className="work-item__review">{describeReview(item.latestReview)}</p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
