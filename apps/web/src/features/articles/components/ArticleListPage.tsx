import {
  ARTICLE_LIST_STATUS_LABELS,
  ARTICLE_LIST_STATUSES,
  type ArticleListHas,
  type ArticleListQuery,
  type ArticleSummary,
  VERDICT_LABELS,
  VERDICTS,
} from "@factmark/core";
import { useEffect, useId, useRef, useState } from "react";
import { Link } from "wouter";
import { ChoiceFilter } from "../../../components/ChoiceFilter";
import { NoticeProvider } from "../../../components/NoticeProvider";
import { useNotice } from "../../../components/useNotice";
import { errorMessage } from "../../../lib/ApiError";
import { readChoice } from "../../../lib/readChoice";
import { useDelayedValue } from "../../../lib/useDelayedValue";
import { useUrlParams } from "../../../lib/useUrlParams";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { ArticleProgress } from "../../workflow/components/ArticleProgress";
import { useArticlesQuery } from "../hooks/useArticlesQuery";
import { useDeleteArticleMutation, useRestoreArticleMutation } from "../hooks/useDeleteArticleMutations";
import { useUndoShortcut } from "../hooks/useUndoShortcut";
import "../articleList.css";

/** How long the search box waits after the last key before it asks, in milliseconds. */
const SEARCH_DELAY_MS = 250;

const HAS_LABELS: Record<ArticleListHas, string> = {
  contradicted: `Has ${VERDICT_LABELS.contradicted.toLowerCase()} claims`,
  supported: `Has ${VERDICT_LABELS.supported.toLowerCase()} claims`,
  unverified: `Has ${VERDICT_LABELS.unverified.toLowerCase()} claims`,
  orphaned: "Has claims that lost their words",
};

/**
 * Every article with its claim counts per verdict, its progress through review, and whether it is published; found by
 * words of its title, outlet or text and narrowed by verdict or status. Editors delete an article (Undo in the notice,
 * or Ctrl+Z, brings it back) and restore it from the deleted ones. The search, the filters and the Deleted view live in
 * the URL (`?q=…&has=…&status=…&deleted=true`), so a reload or Back keeps them.
 */
export function ArticleListPage() {
  return (
    <NoticeProvider>
      <ArticleList />
    </NoticeProvider>
  );
}

function ArticleList() {
  const { can } = useCurrentUser();
  const [params, changeParams] = useUrlParams();
  const urlQ = params.get("q") ?? "";
  const has = readChoice(params.get("has"), Object.keys(HAS_LABELS) as ArticleListHas[]);
  const status = readChoice(params.get("status"), ARTICLE_LIST_STATUSES);
  const isDeletedView = params.get("deleted") === "true";
  const [search, setSearch] = useState(urlQ);
  const typed = useDelayedValue(search.trim(), SEARCH_DELAY_MS);
  const { undoNotice } = useNotice();
  useUndoShortcut(undoNotice);

  // The search box writes to the URL once the typing pauses (replacing, so Back is not a key at a time)...
  const writtenQ = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new pause in typing writes the URL.
  useEffect(() => {
    if (typed === urlQ) return;
    writtenQ.current = typed;
    changeParams({ q: typed });
  }, [typed]);
  // ...and shows what the URL says when Back or a link changes it. The box's own write coming back is not such a
  // change: keys typed since it was written (a slow machine) stay in the box.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the URL's words moves the box.
  useEffect(() => {
    if (urlQ === writtenQ.current) {
      writtenQ.current = null;
      return;
    }
    writtenQ.current = null;
    if (urlQ !== search.trim()) setSearch(urlQ);
  }, [urlQ]);

  const q = urlQ.trim();
  const query: ArticleListQuery = {
    ...(q ? { q } : {}),
    ...(has ? { has } : {}),
    ...(status ? { status } : {}),
    ...(isDeletedView ? { deleted: "true" as const } : {}),
  };
  const isFiltered = Boolean(q || has || status);
  const articlesQuery = useArticlesQuery(query);
  const searchId = useId();
  useEffect(() => {
    document.title = "Articles · Factmark";
  }, []);

  return (
    <section className="article-list-page" aria-labelledby="articles-heading">
      <div className="page-heading">
        <h1 id="articles-heading">{isDeletedView ? "Deleted articles" : "Articles"}</h1>
        {can("article.create") && !isDeletedView && (
          <Link href="/articles/new" className="button button--primary">
            New article
          </Link>
        )}
      </div>
      <search className="article-filters" aria-label="Find articles">
        <div className="article-filters__field article-filters__field--search">
          <label htmlFor={searchId}>Search</label>
          <input
            id={searchId}
            type="search"
            value={search}
            maxLength={200}
            placeholder="Title, outlet or text"
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <ChoiceFilter
          label="Claims"
          value={has}
          anyLabel="Any claims"
          values={Object.keys(HAS_LABELS) as ArticleListHas[]}
          labels={HAS_LABELS}
          onChange={(value) => changeParams({ has: value })}
        />
        <ChoiceFilter
          label="Status"
          value={status}
          anyLabel="Any status"
          values={ARTICLE_LIST_STATUSES}
          labels={ARTICLE_LIST_STATUS_LABELS}
          onChange={(value) => changeParams({ status: value })}
        />
        {can("article.delete") && (
          <button
            type="button"
            className="button button--quiet article-filters__view"
            aria-pressed={isDeletedView}
            onClick={() => changeParams({ deleted: !isDeletedView && "true" }, true)}
          >
            {isDeletedView ? "Back to articles" : "Deleted articles"}
          </button>
        )}
      </search>
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
        <p className="empty-state" role="status">
          {isFiltered
            ? "No articles match. Try other words or filters."
            : isDeletedView
              ? "No deleted articles."
              : "No articles yet."}
        </p>
      ) : (
        <>
          <p className="visually-hidden" role="status">
            {articlesQuery.data.length === 1 ? "1 article" : `${articlesQuery.data.length} articles`}
          </p>
          <ul className="article-list" aria-busy={articlesQuery.isPlaceholderData}>
            {articlesQuery.data.map((article) =>
              isDeletedView ? (
                <DeletedArticleItem key={article.id} article={article} />
              ) : (
                <ArticleItem key={article.id} article={article} canDelete={can("article.delete")} />
              ),
            )}
          </ul>
        </>
      )}
    </section>
  );
}

function ArticleItem({ article, canDelete }: { article: ArticleSummary; canDelete: boolean }) {
  const deleteMutation = useDeleteArticleMutation();
  const restoreMutation = useRestoreArticleMutation();
  const { showNotice } = useNotice();

  function handleDelete() {
    deleteMutation.mutate(article, {
      onSuccess: () =>
        showNotice({
          message: `Deleted “${article.title}”, with its claims.`,
          tone: "info",
          undo: () =>
            restoreMutation.mutate(article, {
              onError: (error) =>
                showNotice({ message: `Could not restore it: ${errorMessage(error)}`, tone: "error" }),
            }),
        }),
      onError: (error) => showNotice({ message: `Could not delete it: ${errorMessage(error)}`, tone: "error" }),
    });
  }

  return (
    <li className="article-list__item">
      <div className="article-list__head">
        <Link href={`/articles/${article.id}`} className="article-list__title">
          {article.title}
        </Link>
        {canDelete && (
          <button
            type="button"
            className="button button--quiet button--small article-list__delete"
            onClick={handleDelete}
            disabled={deleteMutation.isPending}
            aria-label={`Delete “${article.title}”`}
          >
            Delete
          </button>
        )}
      </div>
      <p className="article-meta">{[article.outlet, article.author].filter(Boolean).join(" · ")}</p>
      <VerdictCounts article={article} />
      <ArticleProgress progress={article.progress} publication={article.publication} />
    </li>
  );
}

function DeletedArticleItem({ article }: { article: ArticleSummary }) {
  const restoreMutation = useRestoreArticleMutation();
  const { showNotice } = useNotice();
  const deletedOn = article.deletedAt
    ? new Date(article.deletedAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
    : null;

  function handleRestore() {
    restoreMutation.mutate(article, {
      onSuccess: () => showNotice({ message: `Restored “${article.title}”, with its claims.`, tone: "info" }),
      onError: (error) => showNotice({ message: `Could not restore it: ${errorMessage(error)}`, tone: "error" }),
    });
  }

  return (
    <li className="article-list__item article-list__item--deleted">
      <div className="article-list__head">
        {/* Not a link: a deleted article's page answers "not found" until it is restored. */}
        <span className="article-list__title">{article.title}</span>
        <button
          type="button"
          className="button button--small"
          onClick={handleRestore}
          disabled={restoreMutation.isPending}
          aria-label={`Restore “${article.title}”`}
        >
          Restore
        </button>
      </div>
      <p className="article-meta">
        {[article.outlet, article.author, deletedOn && `deleted ${deletedOn}`].filter(Boolean).join(" · ")}
      </p>
      <VerdictCounts article={article} />
    </li>
  );
}

function VerdictCounts({ article }: { article: ArticleSummary }) {
  return (
    <ul className="verdict-counts" aria-label="Claims per verdict">
      {VERDICTS.map((verdict) => (
        <li key={verdict} className={`verdict-count verdict-count--${verdict}`}>
          <span className="verdict-count__number">{article.counts[verdict]}</span>{" "}
          {VERDICT_LABELS[verdict].toLowerCase()}
        </li>
      ))}
    </ul>
  );
}
