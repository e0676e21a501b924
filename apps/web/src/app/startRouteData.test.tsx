import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useArticleQuery } from "../features/articles/hooks/useArticleQuery";
import { useClaimsQuery } from "../features/claims/hooks/useClaimsQuery";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { stubApi } from "../test/stubApi";
import { articleIdOfPath, startRouteData } from "./startRouteData";

const ARTICLE = buildArticle();
const CLAIM = buildClaim(ARTICLE.text, "transferred dozens", "supported");

function stubArticleApi() {
  return stubApi({
    "GET /api/auth/me": { status: 200, body: { isSetupRequired: false, user: null } },
    "GET /api/articles/article-1": { status: 200, body: ARTICLE },
    "GET /api/articles/article-1/claims": { status: 200, body: { items: [CLAIM], deletedIds: [], cursor: 4 } },
  });
}

function ArticleData() {
  const article = useArticleQuery("article-1");
  const claims = useClaimsQuery("article-1");
  return (
    <p>
      {article.data?.title} · {claims.data?.length ?? "…"} claims
    </p>
  );
}

describe("startRouteData", () => {
  it("names the article a path opens, and none for the new-article page, a report or another page", () => {
    expect(articleIdOfPath("/articles/article-1")).toBe("article-1");
    expect(articleIdOfPath("/articles/article-1/")).toBe("article-1");
    for (const path of ["/", "/articles/new", "/articles/article-1/report", "/work", "/articles/%E0%A4%A"]) {
      expect(articleIdOfPath(path), path).toBeNull();
    }
  });

  it("starts who is signed in, the article and its claims before the page, which then reads them once", async () => {
    const api = stubArticleApi();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    startRouteData(queryClient, "/articles/article-1");
    expect(api.requestsTo("GET /api/auth/me")).toHaveLength(1);
    expect(api.requestsTo("GET /api/articles/article-1")).toHaveLength(1);
    expect(api.requestsTo("GET /api/articles/article-1/claims")).toHaveLength(1);
    render(
      <QueryClientProvider client={queryClient}>
        <ArticleData />
      </QueryClientProvider>,
    );
    expect(await screen.findByText(`${ARTICLE.title} · 1 claims`)).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The page's own reads found them in the cache: the document is not asked for again.
    expect(api.requestsTo("GET /api/articles/article-1")).toHaveLength(1);
    await waitFor(() => expect(api.requestsTo("GET /api/articles/article-1/claims").length).toBeLessThanOrEqual(2));
  });

  it("starts only who is signed in on other pages", () => {
    const api = stubArticleApi();
    startRouteData(new QueryClient(), "/");
    expect(api.fetchMock).toHaveBeenCalledTimes(1);
    expect(api.requestsTo("GET /api/auth/me")).toHaveLength(1);
  });
});
