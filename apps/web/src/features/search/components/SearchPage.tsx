import {
  ARTICLE_LIST_STATUS_LABELS,
  ARTICLE_LIST_STATUSES,
  SEARCH_KINDS,
  type SearchItem,
  type SearchKind,
  VERDICT_LABELS,
  VERDICTS,
} from "@factmark/core";
import { type KeyboardEvent, useEffect, useId, useState } from "react";
import { ChoiceFilter } from "../../../components/ChoiceFilter";
import { errorMessage } from "../../../lib/ApiError";
import { useDelayedValue } from "../../../lib/useDelayedValue";
import { useUrlParams } from "../../../lib/useUrlParams";
import { useSearchQuery } from "../hooks/useSearchQuery";
import { readSearchRequest, SEARCH_FILTER_PARAMETERS } from "../searchAddress";
import { SearchResultItem } from "./SearchResultItem";
import "../search.css";

/** How long a typed box waits after the last key before it asks, in milliseconds (as the article list's). */
const TYPING_DELAY_MS = 250;

const KIND_CHOICES: Record<SearchKind, string> = { claim: "Claims", article: "Articles", evidence: "Evidence" };

/**
 * Search across the newsroom: article titles and texts, claim quotes, rationales, speakers and evidence titles,
 * best first, a page at a time. The words and every filter live in the address (`?q=…&verdict=…&speaker=…&status=…
 * &from=…&to=…&article=…&kind=…`), so a reload, Back or a shared link keeps them. Each result is a link: a claim
 * opens its article at the claim; ↓ and ↑ move between results.
 */
export function SearchPage() {
  const [params, changeParams] = useUrlParams();
  const { request, isAsked, problem } = readSearchRequest(params);
  const resultsQuery = useSearchQuery(request, isAsked && problem === null);
  const hasFilters = SEARCH_FILTER_PARAMETERS.some((name) => params.get(name));
  const ids = {
    words: useId(),
    speaker: useId(),
    from: useId(),
    to: useId(),
  };

  useEffect(() => {
    document.title = request.q ? `Search: ${request.q} · Factmark` : "Search · Factmark";
  }, [request.q]);

  const items = resultsQuery.data?.pages.flatMap((page) => page.items) ?? [];
  const articleTitle = items.find((item) => item.article.id === request.articleId)?.article.title;

  return (
    <section className="search-page" aria-labelledby="search-heading">
      <div className="page-heading">
        <h1 id="search-heading">Search</h1>
      </div>
      <search className="article-filters search-filters" aria-label="Search the newsroom">
        <DelayedTextField
          id={ids.words}
          label="Search for"
          type="search"
          className="article-filters__field article-filters__field--search"
          value={params.get("q") ?? ""}
          placeholder="Words, “a phrase”, speaker…"
          maxLength={500}
          onChange={(q, isDone) => changeParams({ q }, isDone)}
        />
        <ChoiceFilter
          label="Results"
          value={request.kind ?? ""}
          anyLabel="Everything"
          values={SEARCH_KINDS}
          labels={KIND_CHOICES}
          onChange={(kind) => changeParams({ kind })}
        />
        <ChoiceFilter
          label="Verdict"
          value={request.verdict ?? ""}
          anyLabel="Any verdict"
          values={VERDICTS}
          labels={VERDICT_LABELS}
          onChange={(verdict) => changeParams({ verdict })}
        />
        <DelayedTextField
          id={ids.speaker}
          label="Speaker"
          type="text"
          className="article-filters__field"
          value={params.get("speaker") ?? ""}
          placeholder="Any speaker"
          maxLength={200}
          onChange={(speaker, isDone) => changeParams({ speaker }, isDone)}
        />
        <ChoiceFilter
          label="Status"
          value={request.status ?? ""}
          anyLabel="Any status"
          values={ARTICLE_LIST_STATUSES}
          labels={ARTICLE_LIST_STATUS_LABELS}
          onChange={(status) => changeParams({ status })}
        />
        <div className="article-filters__field search-filters__day">
          <label htmlFor={ids.from}>Added from</label>
          <input
            id={ids.from}
            type="date"
            value={request.from ?? ""}
            onChange={(event) => changeParams({ from: event.target.value })}
          />
        </div>
        <div className="article-filters__field search-filters__day">
          <label htmlFor={ids.to}>to</label>
          <input
            id={ids.to}
            type="date"
            value={request.to ?? ""}
            onChange={(event) => changeParams({ to: event.target.value })}
          />
        </div>
        {request.articleId && (
          <p className="search-filters__article">
            In {articleTitle ? `“${articleTitle}”` : "one article"}{" "}
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => changeParams({ article: "" })}
            >
              Any article
            </button>
          </p>
        )}
        {hasFilters && (
          <button
            type="button"
            className="button button--quiet article-filters__view"
            onClick={() => changeParams(Object.fromEntries(SEARCH_FILTER_PARAMETERS.map((name) => [name, ""])), true)}
          >
            Clear filters
          </button>
        )}
      </search>
      <SearchResults query={resultsQuery} isAsked={isAsked} problem={problem} items={items} />
    </section>
  );
}

function SearchResults({
  query,
  isAsked,
  problem,
  items,
}: {
  query: ReturnType<typeof useSearchQuery>;
  isAsked: boolean;
  problem: string | null;
  items: readonly SearchItem[];
}) {
  if (problem) {
    return (
      <p className="fact-form__error" role="alert">
        {problem}
      </p>
    );
  }
  if (!isAsked) {
    return (
      <p className="empty-state">
        Type words to search every article, claim, rationale, speaker and evidence title, or pick a filter.
      </p>
    );
  }
  if (query.isPending)
    return (
      <p className="loading" role="status">
        Searching…
      </p>
    );
  if (query.isError && items.length === 0) {
    return (
      <div role="alert" className="search-error">
        <p>Could not search: {errorMessage(query.error)}</p>
        <button type="button" className="button" onClick={() => query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <p className="empty-state" role="status">
        Nothing matches. Try other words or fewer filters.
      </p>
    );
  }
  return (
    <>
      <p className="visually-hidden" role="status">
        {items.length === 1 ? "1 result" : `${items.length} results`}
        {query.hasNextPage ? ", more to show" : ""}
      </p>
      {/* ↓ and ↑ step between the results' links; Tab still goes through them in order. */}
      <ol
        className="search-results"
        aria-label="Results"
        aria-busy={query.isPlaceholderData}
        onKeyDown={handleArrowKeys}
      >
        {items.map((item) => (
          <SearchResultItem
            key={`${item.kind}-${item.kind === "evidence" ? item.evidence.id : item.kind === "claim" ? item.claim.id : item.article.id}`}
            item={item}
          />
        ))}
      </ol>
      {query.isFetchNextPageError && (
        <p className="fact-form__error" role="alert">
          Could not load more results: {errorMessage(query.error)}
        </p>
      )}
      {query.hasNextPage && (
        <button
          type="button"
          className="button search-more"
          onClick={() => query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? "Loading more…" : "More results"}
        </button>
      )}
    </>
  );
}

/** Moves the focus to the next or previous result's link. */
function handleArrowKeys(event: KeyboardEvent<HTMLOListElement>) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const links = Array.from(event.currentTarget.querySelectorAll<HTMLAnchorElement>(".search-result__link"));
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at === -1) return;
  const next = links[event.key === "ArrowDown" ? at + 1 : at - 1];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/**
 * A text field that writes to the address once the typing pauses (replacing the history entry), and at once on
 * Enter (a new entry); it shows what the address says when Back or a link changes it.
 */
function DelayedTextField({
  id,
  label,
  type,
  className,
  value,
  placeholder,
  maxLength,
  onChange,
}: {
  id: string;
  label: string;
  type: "search" | "text";
  className: string;
  value: string;
  placeholder: string;
  maxLength: number;
  onChange: (value: string, isDone: boolean) => void;
}) {
  const [typed, setTyped] = useState(value);
  const paused = useDelayedValue(typed.trim(), TYPING_DELAY_MS);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new pause in typing writes the address.
  useEffect(() => {
    if (paused !== value.trim()) onChange(paused, false);
  }, [paused]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the address moves the box.
  useEffect(() => {
    if (value.trim() !== typed.trim()) setTyped(value);
  }, [value]);
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={typed}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && typed.trim() !== value.trim()) onChange(typed.trim(), true);
        }}
      />
    </div>
  );
}
