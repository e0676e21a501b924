import { VERDICT_LABELS, VERDICTS } from "@factmark/core";
import { useEffect } from "react";
import { Link } from "wouter";
import { errorMessage } from "../../../lib/ApiError";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { ArticleProgress } from "../../workflow/components/ArticleProgress";
import { useArticlesQuery } from "../hooks/useArticlesQuery";

/** Every article with its claim counts per verdict, its progress through review, and whether it is published. */
export function ArticleListPage() {
  const articlesQuery = useArticlesQuery();
  const { can } = useCurrentUser();
  useEffect(() => {
    document.title = "Articles · Factmark";
  }, []);

  return (
    <section className="article-list-page" aria-labelledby="articles-heading">
      <div className="page-heading">
        <h1 id="articles-heading">Articles</h1>
        {can("article.create") && (
          <Link href="/articles/new" className="button button--primary">
            New article
          </Link>
        )}
      </div>
      {articlesQuery.isPending ? (
        <p className="loading">Loading articles…</p>
      ) : articlesQuery.isError ? (
        <div role="alert">
          <p>Could not load the articles: {errorMessage(articlesQuery.error)}</p>
          <button type="button" className="button" onClick={() => articlesQuery.refetch()}>
            Try again
          </button>
        </div>
      ) : articlesQuery.data.length === 0 ? (
        <p className="empty-state">No articles yet.</p>
      ) : (
        <ul className="article-list">
          {articlesQuery.data.map((article) => (
            <li key={article.id} className="article-list__item">
              <Link href={`/articles/${article.id}`} className="article-list__title">
                {article.title}
              </Link>
              <p className="article-meta">{[article.outlet, article.author].filter(Boolean).join(" · ")}</p>
              <ul className="verdict-counts" aria-label="Claims per verdict">
                {VERDICTS.map((verdict) => (
                  <li key={verdict} className={`verdict-count verdict-count--${verdict}`}>
                    <span className="verdict-count__number">{article.counts[verdict]}</span>{" "}
                    {VERDICT_LABELS[verdict].toLowerCase()}
                  </li>
                ))}
              </ul>
              <ArticleProgress progress={article.progress} publication={article.publication} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
