import type { SearchItem } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { SearchPage } from "./SearchPage";

const ARTICLE = { id: "a1", title: "Iran admits supplying drones", createdAt: "2026-11-02T10:00:00.000Z" };

function claimResult(overrides: Partial<Extract<SearchItem, { kind: "claim" }>> = {}): SearchItem {
  return {
    kind: "claim",
    score: 3.2,
    article: ARTICLE,
    claim: {
      id: "c7",
      quote: "transferred dozens just this summer",
      verdict: "contradicted",
      speaker: "Robert Malley",
    },
    highlights: [{ field: "quote", text: "transferred dozens just this summer", ranges: [{ start: 12, end: 18 }] }],
    ...overrides,
  };
}

function lastSearch(api: ReturnType<typeof stubApi>): URLSearchParams {
  const calls = api.fetchMock.mock.calls.filter(([input]) => String(input).startsWith("/api/search"));
  return new URL(String(calls.at(-1)?.[0]), "http://x").searchParams;
}

const RESULTS = (items: SearchItem[], cursor: string | null = null) => ({ status: 200, body: { items, cursor } });

describe("SearchPage", () => {
  beforeEach(() => window.history.replaceState(null, "", "/search"));

  it("reads the words and filters from the address, asks with them, and writes a changed filter back", async () => {
    const user = userEvent.setup();
    const api = stubApi({ "GET /api/search": RESULTS([claimResult()]) });
    window.history.replaceState(
      null,
      "",
      "/search?q=dozens&verdict=contradicted&status=published&from=2026-11-01&article=a1",
    );
    renderWithQueryClient(<SearchPage />);
    expect(screen.getByRole("searchbox", { name: "Search for" })).toHaveValue("dozens");
    expect(screen.getByRole("combobox", { name: "Verdict" })).toHaveValue("contradicted");
    expect(screen.getByRole("combobox", { name: "Status" })).toHaveValue("published");
    expect(screen.getByLabelText("Added from")).toHaveValue("2026-11-01");
    await screen.findByRole("link", { name: /transferred dozens/ });
    expect(Object.fromEntries(lastSearch(api))).toEqual({
      q: "dozens",
      verdict: "contradicted",
      status: "published",
      from: "2026-11-01",
      articleId: "a1",
    });
    // The one-article filter names the article, from the results.
    expect(screen.getByRole("button", { name: "Any article" }).parentElement).toHaveTextContent(
      "In “Iran admits supplying drones” Any article",
    );

    await user.selectOptions(screen.getByRole("combobox", { name: "Verdict" }), "supported");
    expect(new URLSearchParams(window.location.search).get("verdict")).toBe("supported");
    await waitFor(() => expect(lastSearch(api).get("verdict")).toBe("supported"));
    await user.type(screen.getByRole("textbox", { name: "Speaker" }), "Malley");
    await waitFor(() => expect(new URLSearchParams(window.location.search).get("speaker")).toBe("Malley"));
    await waitFor(() => expect(lastSearch(api).get("speaker")).toBe("Malley"));

    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(window.location.search).toBe("?q=dozens");
  });

  it("marks the matched words as <mark>, all as text, and opens a claim in its article at the claim", async () => {
    const hostile = '<img src=x onerror="window.__hacked = true"> said drones';
    stubApi({
      "GET /api/search": RESULTS([
        claimResult({
          highlights: [
            { field: "quote", text: "transferred dozens just this summer", ranges: [{ start: 12, end: 18 }] },
            { field: "rationale", text: hostile, ranges: [{ start: hostile.indexOf("drones"), end: hostile.length }] },
          ],
        }),
        {
          kind: "article",
          score: 1,
          article: { ...ARTICLE, id: "a2", title: "Drones over Kyiv" },
          highlights: [{ field: "title", text: "Drones over Kyiv", ranges: [{ start: 0, end: 6 }] }],
        },
      ]),
    });
    window.history.replaceState(null, "", "/search?q=dozens%20drones");
    renderWithQueryClient(<SearchPage />);
    const claimLink = await screen.findByRole("link", { name: /transferred dozens/ });
    expect(claimLink).toHaveAttribute("href", "/articles/a1?claim=c7");
    expect(claimLink.querySelector("mark")).toHaveTextContent(/^dozens$/);
    const [claimItem, articleItem] = within(screen.getByRole("list", { name: "Results" })).getAllByRole("listitem");
    expect(claimItem).toHaveTextContent("Contradicted");
    expect(claimItem).toHaveTextContent("Robert Malley");
    expect(claimItem).toHaveTextContent(`Rationale: ${hostile}`);
    expect(claimItem?.querySelector("img")).toBeNull();
    expect([...(claimItem?.querySelectorAll("mark") ?? [])].map((mark) => mark.textContent)).toEqual([
      "dozens",
      "drones",
    ]);
    const articleLink = within(articleItem as HTMLElement).getByRole("link", { name: "Drones over Kyiv" });
    expect(articleLink).toHaveAttribute("href", "/articles/a2");
    expect(articleLink.querySelector("mark")).toHaveTextContent(/^Drones$/);
  });

  it("asks for the next page with the last page's cursor when More results is pressed", async () => {
    const user = userEvent.setup();
    const api = stubApi({
      "GET /api/search": ({ query }) =>
        query.get("cursor") === "page-2"
          ? RESULTS([
              claimResult({
                claim: { id: "c8", quote: "second page claim", verdict: "supported", speaker: null },
                highlights: [],
              }),
            ])
          : RESULTS([claimResult()], "page-2"),
    });
    window.history.replaceState(null, "", "/search?q=claim");
    renderWithQueryClient(<SearchPage />);
    await user.click(await screen.findByRole("button", { name: "More results" }));
    expect(await screen.findByRole("link", { name: /second page claim/ })).toHaveAttribute(
      "href",
      "/articles/a1?claim=c8",
    );
    expect(screen.getByRole("link", { name: /transferred dozens/ })).toBeInTheDocument();
    expect(lastSearch(api).get("cursor")).toBe("page-2");
    expect(screen.queryByRole("button", { name: "More results" })).toBeNull();
  });

  it("says so when nothing matches", async () => {
    stubApi({ "GET /api/search": RESULTS([]) });
    window.history.replaceState(null, "", "/search?q=zeppelins");
    renderWithQueryClient(<SearchPage />);
    expect(await screen.findByText("Nothing matches. Try other words or fewer filters.")).toBeInTheDocument();
  });

  it("says why a search failed and tries again on request", async () => {
    const user = userEvent.setup();
    stubApi({
      "GET /api/search": [
        errorAnswer(503, "BUSY", "The server is busy: try again in a moment."),
        RESULTS([claimResult()]),
      ],
    });
    window.history.replaceState(null, "", "/search?q=dozens");
    renderWithQueryClient(<SearchPage />);
    expect(await screen.findByRole("alert")).toHaveTextContent("The server is busy: try again in a moment.");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("link", { name: /transferred dozens/ })).toBeInTheDocument();
  });

  it("asks nothing until there are words or a filter, and nothing for a from after its to", async () => {
    const api = stubApi({ "GET /api/search": RESULTS([]) });
    const { unmount } = renderWithQueryClient(<SearchPage />);
    expect(screen.getByText(/Type words to search every article/)).toBeInTheDocument();
    unmount();
    window.history.replaceState(null, "", "/search?q=drones&from=2026-12-01&to=2026-11-01");
    renderWithQueryClient(<SearchPage />);
    expect(screen.getByRole("alert")).toHaveTextContent("from must be on or before to.");
    expect(api.fetchMock).not.toHaveBeenCalled();
  });
});
