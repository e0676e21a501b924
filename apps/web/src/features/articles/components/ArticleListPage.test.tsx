import { type ArticleSummary, NEVER_PUBLISHED } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { ArticleListPage } from "./ArticleListPage";

function summary(id: string, title: string, overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id,
    title,
    sourceUrl: null,
    outlet: null,
    author: null,
    publishedAt: null,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    counts: { contradicted: 0, supported: 0, unverified: 0 },
    orphanCount: 0,
    progress: { withVerdict: 0, approved: 0, readyForReview: 0, changesRequested: 0, assignees: [] },
    publication: NEVER_PUBLISHED,
    ...overrides,
  };
}

async function articleItem(title: string): Promise<HTMLElement> {
  const link = await screen.findByRole("link", { name: title });
  const item = link.closest("li");
  if (!item) throw new Error(`No list item for ${title}.`);
  return item;
}

describe("ArticleListPage", () => {
  it("keeps the keys typed while the search box's own write to the address is on its way (a slow machine)", async () => {
    const user = userEvent.setup();
    stubApi({ "GET /api/articles": { status: 200, body: { items: [summary("a1", "Live piece")] } } });
    window.history.replaceState(null, "", "/");
    renderWithQueryClient(<ArticleListPage />, createTestQueryClient("editor"));
    await articleItem("Live piece");
    const box = screen.getByRole("searchbox", { name: "Search" });
    // The address's writes (and the router's word of them) arrive late, as on a busy machine.
    const replaceState = window.history.replaceState;
    const late: (() => void)[] = [];
    window.history.replaceState = (...args: Parameters<History["replaceState"]>) => {
      late.push(() => replaceState.apply(window.history, args));
    };
    try {
      await user.type(box, "bud");
      await waitFor(() => expect(late).toHaveLength(1));
      await user.type(box, "get");
      for (const write of late.splice(0)) write();
      await waitFor(() => expect(new URLSearchParams(window.location.search).get("q")).toBe("bud"));
      expect(box).toHaveValue("budget");
    } finally {
      window.history.replaceState = replaceState;
    }
    await waitFor(() => expect(new URLSearchParams(window.location.search).get("q")).toBe("budget"));
    expect(box).toHaveValue("budget");
  });

  // The search and the Deleted view live in the URL: each test starts at the plain list.
  beforeEach(() => window.history.replaceState(null, "", "/"));

  it("keeps the search, the filters and the Deleted view in the URL, and reads them back from it", async () => {
    const user = userEvent.setup();
    const api = stubApi({ "GET /api/articles": { status: 200, body: { items: [summary("a1", "Live piece")] } } });
    window.history.replaceState(null, "", "/?q=iran%20drones&status=in-progress");
    renderWithQueryClient(<ArticleListPage />, createTestQueryClient("editor"));
    expect(screen.getByRole("searchbox", { name: "Search" })).toHaveValue("iran drones");
    expect(screen.getByRole("combobox", { name: "Status" })).toHaveValue("in-progress");
    await articleItem("Live piece");
    const asked = new URL(String(api.fetchMock.mock.calls[0]?.[0]), "http://x");
    expect(asked.searchParams.get("q")).toBe("iran drones");
    await user.clear(screen.getByRole("searchbox", { name: "Search" }));
    await user.type(screen.getByRole("searchbox", { name: "Search" }), "budget");
    await waitFor(() => expect(new URLSearchParams(window.location.search).get("q")).toBe("budget"));
    await user.click(screen.getByRole("button", { name: "Deleted articles" }));
    expect(new URLSearchParams(window.location.search).get("deleted")).toBe("true");
    expect(await screen.findByRole("heading", { name: "Deleted articles" })).toBeInTheDocument();
  });

  it("runs the delete notice's Undo on Ctrl+Z", async () => {
    const user = userEvent.setup();
    let isDeleted = false;
    const api = stubApi({
      "GET /api/articles": () => ({
        status: 200,
        body: { items: isDeleted ? [] : [summary("a1", "Iran admits supplying drones")] },
      }),
      "DELETE /api/articles/a1": () => {
        isDeleted = true;
        return { status: 204 };
      },
      "POST /api/articles/a1/restore": () => {
        isDeleted = false;
        return { status: 200, body: summary("a1", "Iran admits supplying drones") };
      },
    });
    renderWithQueryClient(<ArticleListPage />, createTestQueryClient("editor"));
    await user.click(await screen.findByRole("button", { name: "Delete “Iran admits supplying drones”" }));
    await screen.findByText("Deleted “Iran admits supplying drones”, with its claims.");
    await user.keyboard("{Control>}z{/Control}");
    expect(await screen.findByRole("link", { name: "Iran admits supplying drones" })).toBeInTheDocument();
    expect(api.requestsTo("POST /api/articles/a1/restore")).toHaveLength(1);
  });

  it("shows each article's progress through review and who is on it", async () => {
    stubApi({
      "GET /api/articles": {
        status: 200,
        body: {
          items: [
            summary("a1", "Iran admits supplying drones", {
              counts: { contradicted: 7, supported: 4, unverified: 3 },
              progress: {
                withVerdict: 12,
                approved: 7,
                readyForReview: 3,
                changesRequested: 1,
                assignees: [
                  { id: "ana", name: "Ana Reviewer" },
                  { id: "bo", name: "Bo Editor" },
                ],
              },
            }),
            summary("a2", "A new article"),
          ],
        },
      },
    });
    renderWithQueryClient(<ArticleListPage />);
    const busy = await articleItem("Iran admits supplying drones");
    expect(busy).toHaveTextContent("7 of 12 approved");
    expect(busy).toHaveTextContent("3 waiting for review");
    expect(busy).toHaveTextContent("1 with changes requested");
    const people = within(busy).getByRole("list", { name: "Assigned" });
    expect(
      within(people)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["ARAna Reviewer", "BEBo Editor"]);
    const fresh = await articleItem("A new article");
    expect(fresh).toHaveTextContent("No verdicts yet");
    expect(fresh).not.toHaveTextContent("waiting for review");
    expect(within(fresh).queryByRole("list", { name: "Assigned" })).toBeNull();
  });

  it("says which articles are published, linking to the public page, and which were retracted", async () => {
    const published = {
      slug: "iran-drones",
      latestVersion: 2,
      firstPublishedAt: "2026-01-02T00:00:00.000Z",
      latestPublishedAt: "2026-01-03T00:00:00.000Z",
      retractedAt: null,
      url: "https://factmark.example/fact-checks/iran-drones",
    };
    stubApi({
      "GET /api/articles": {
        status: 200,
        body: {
          items: [
            summary("a1", "Published one", { publication: published }),
            summary("a2", "Retracted one", {
              publication: { ...published, latestVersion: 1, retractedAt: "2026-01-04T00:00:00.000Z" },
            }),
            summary("a3", "Never published"),
          ],
        },
      },
    });
    renderWithQueryClient(<ArticleListPage />);
    const link = within(await articleItem("Published one")).getByRole("link", { name: /Published · version 2/ });
    expect(link).toHaveAttribute("href", "https://factmark.example/fact-checks/iran-drones");
    const retracted = await articleItem("Retracted one");
    expect(retracted).toHaveTextContent("Retracted");
    expect(retracted).not.toHaveTextContent("Published");
    expect(await articleItem("Never published")).not.toHaveTextContent(/Published|Retracted/);
  });

  it("asks for the articles matching the search and filters, and says when none match", async () => {
    const user = userEvent.setup();
    const api = stubApi({
      "GET /api/articles": ({ query }) => ({
        status: 200,
        body: {
          items:
            query.get("q") === "drones" && query.get("has") === "contradicted"
              ? [summary("a1", "Iran admits supplying drones")]
              : query.get("status") === "published"
                ? []
                : [summary("a1", "Iran admits supplying drones"), summary("a2", "Budget vote")],
        },
      }),
    });
    renderWithQueryClient(<ArticleListPage />);
    await articleItem("Budget vote");
    await user.type(screen.getByRole("searchbox", { name: "Search" }), "drones");
    await user.selectOptions(screen.getByRole("combobox", { name: "Claims" }), "Has contradicted claims");
    await waitFor(() => expect(screen.queryByRole("link", { name: "Budget vote" })).toBeNull());
    expect(screen.getByRole("link", { name: "Iran admits supplying drones" })).toBeInTheDocument();
    const asked = api.fetchMock.mock.calls.map(([input]) => String(input));
    // The search waits for the typing to pause: one request for "drones", none per letter.
    expect(asked.filter((url) => url.includes("q=d") && !url.includes("q=drones"))).toEqual([]);
    await user.clear(screen.getByRole("searchbox", { name: "Search" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Claims" }), "Any claims");
    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "Published");
    expect(await screen.findByText("No articles match. Try other words or filters.")).toBeInTheDocument();
  });

  it("deletes an article for an editor and brings it back with Undo", async () => {
    const user = userEvent.setup();
    let isDeleted = false;
    const api = stubApi({
      "GET /api/articles": () => ({
        status: 200,
        body: { items: [...(isDeleted ? [] : [summary("a1", "Iran admits supplying drones")]), summary("a2", "Kept")] },
      }),
      "DELETE /api/articles/a1": () => {
        isDeleted = true;
        return { status: 204 };
      },
      "POST /api/articles/a1/restore": () => {
        isDeleted = false;
        return { status: 200, body: summary("a1", "Iran admits supplying drones") };
      },
    });
    renderWithQueryClient(<ArticleListPage />, createTestQueryClient("editor"));
    await user.click(await screen.findByRole("button", { name: "Delete “Iran admits supplying drones”" }));
    expect(await screen.findByText("Deleted “Iran admits supplying drones”, with its claims.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("link", { name: "Iran admits supplying drones" })).toBeNull());
    expect(api.requestsTo("DELETE /api/articles/a1")[0]?.headers.get("If-Match")).toBe('"1"');
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByRole("link", { name: "Iran admits supplying drones" })).toBeInTheDocument();
    expect(api.requestsTo("POST /api/articles/a1/restore")).toHaveLength(1);
  });

  it("says why a delete was refused", async () => {
    const user = userEvent.setup();
    stubApi({
      "GET /api/articles": { status: 200, body: { items: [summary("a1", "Published piece")] } },
      "DELETE /api/articles/a1": errorAnswer(409, "CONFLICT", "This fact-check is published: retract it first."),
    });
    renderWithQueryClient(<ArticleListPage />, createTestQueryClient("editor"));
    await user.click(await screen.findByRole("button", { name: "Delete “Published piece”" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Could not delete it: This fact-check is published: retract it first.",
    );
  });

  it("lists the deleted articles for an editor, each with Restore", async () => {
    const user = userEvent.setup();
    const api = stubApi({
      "GET /api/articles": ({ query }) => ({
        status: 200,
        body: {
          items:
            query.get("deleted") === "true"
              ? [summary("a9", "Deleted piece", { deletedAt: "2026-01-05T10:00:00.000Z" })]
              : [summary("a1", "Live piece")],
        },
      }),
      "POST /api/articles/a9/restore": { status: 200, body: summary("a9", "Deleted piece") },
    });
    renderWithQueryClient(<ArticleListPage />, createTestQueryClient("editor"));
    await articleItem("Live piece");
    await user.click(screen.getByRole("button", { name: "Deleted articles" }));
    expect(await screen.findByRole("heading", { name: "Deleted articles" })).toBeInTheDocument();
    const deleted = (await screen.findByText("Deleted piece")).closest("li");
    expect(deleted).toHaveTextContent("deleted");
    expect(screen.queryByRole("link", { name: "Deleted piece" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Restore “Deleted piece”" }));
    expect(await screen.findByText("Restored “Deleted piece”, with its claims.")).toBeInTheDocument();
    expect(api.requestsTo("POST /api/articles/a9/restore")).toHaveLength(1);
  });

  it.each(["viewer", "reviewer"] as const)("offers a %s no delete and no deleted articles", async (role) => {
    stubApi({ "GET /api/articles": { status: 200, body: { items: [summary("a1", "Live piece")] } } });
    renderWithQueryClient(<ArticleListPage />, createTestQueryClient(role));
    await articleItem("Live piece");
    expect(screen.queryByRole("button", { name: /Delete/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Deleted articles" })).toBeNull();
  });
});
