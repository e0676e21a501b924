import { useEffect } from "react";
import { Link } from "wouter";
import { ServerFirstScreenRemoved } from "../../../app/serverFirstScreen";
import { NoticeProvider } from "../../../components/NoticeProvider";
import { ARTICLE_TEXT_ID } from "../../../editor/ArticleEditor";
import { errorMessage } from "../../../lib/ApiError";
import { ImportAnnotationsAction } from "../../annotationImport/components/ImportAnnotationsAction";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { useClaimsQuery } from "../../claims/hooks/useClaimsQuery";
import { AlsoHere } from "../../live/components/AlsoHere";
import { useArticleEvents } from "../../live/hooks/useArticleEvents";
import { useArticleQuery } from "../hooks/useArticleQuery";
import { ArticleMetadataForm } from "./ArticleMetadataForm";
import { ArticleWorkspace } from "./ArticleWorkspace";

/** One article: its metadata, who else has it open, the annotatable text and the claims, kept up to date live. */
export function ArticlePage({ articleId }: { articleId: string }) {
  const articleQuery = useArticleQuery(articleId);
  // The claims load beside the article, not after it.
  useClaimsQuery(articleId);
  const live = useArticleEvents(articleId);
  const { can } = useCurrentUser();
  const article = articleQuery.data;

  useEffect(() => {
    document.title = article ? `${article.title} · Factmark` : "Factmark";
  }, [article]);

  if (articleQuery.isPending) return <p className="loading page-message">Loading the article…</p>;
  if (articleQuery.isError || !article) {
    return (
      <div className="page-message" role="alert">
        <ServerFirstScreenRemoved />
        <h1>Could not open this article</h1>
        <p>{errorMessage(articleQuery.error)}</p>
        <Link href="/">Back to all articles</Link>
      </div>
    );
  }
  const details = [article.outlet, article.author && `by ${article.author}`, article.publishedAt?.slice(0, 10)].filter(
    Boolean,
  );
  return (
    <article className="article-page">
      <a
        className="skip-link"
        href={`#${ARTICLE_TEXT_ID}`}
        onClick={(event) => {
          // The text is a focusable editor: a fragment link would scroll to it but leave the focus behind.
          const text = document.getElementById(ARTICLE_TEXT_ID);
          if (!text) return;
          event.preventDefault();
          text.focus();
        }}
      >
        Skip to the article text
      </a>
      <header className="article-header">
        <Link href="/" className="back-link">
          ← All articles
        </Link>
        <div className="article-header__title">
          <h1>{article.title}</h1>
          <div className="article-header__actions">
            <ImportAnnotationsAction articleId={article.id} />
            <Link href={`/articles/${encodeURIComponent(article.id)}/report`} className="button button--primary">
              Report
            </Link>
          </div>
        </div>
        {details.length > 0 && <p className="article-meta">{details.join(" · ")}</p>}
        <AlsoHere viewers={live.others} />
        {article.sourceUrl && (
          <p className="article-meta">
            <a href={article.sourceUrl} target="_blank" rel="noopener noreferrer">
              Original article
            </a>
          </p>
        )}
        {can("article.edit") && <ArticleMetadataForm article={article} />}
      </header>
      {/* The page's notices, and the undo they offer, go when the reviewer leaves the article. */}
      <NoticeProvider>
        <ArticleWorkspace article={article} live={live} />
      </NoticeProvider>
    </article>
  );
}
