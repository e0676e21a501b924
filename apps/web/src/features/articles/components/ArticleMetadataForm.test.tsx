import { type Article, type ArticleSummary, UNCONCLUDED_ARTICLE } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { articleKeys } from "../queryKeys";
import { ArticleMetadataForm } from "./ArticleMetadataForm";

const ARTICLE: Article = {
  id: "article-1",
  title: "Iran admits supplying Russia with drones",
  sourceUrl: "https://allisrael.com/iran-drones",
  outlet: "All Israel News",
  author: null,
  publishedAt: "2022-11-08T09:00:00.000Z",
  version: 2,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  doc: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "One." }] }] },
  text: "One.",
  ...UNCONCLUDED_ARTICLE,
};

const SUMMARY: ArticleSummary = {
  ...(({ doc: _doc, text: _text, ...rest }) => rest)(ARTICLE),
  counts: { unverified: 0, supported: 0, contradicted: 0 } as ArticleSummary["counts"],
  orphanCount: 0,
  progress: { withVerdict: 0, approved: 0, readyForReview: 0, changesRequested: 0, assignees: [] },
};

const PATH = "PATCH /api/articles/article-1";

function renderForm() {
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(articleKeys.detail(ARTICLE.id), ARTICLE);
  queryClient.setQueryData(articleKeys.list(), [SUMMARY]);
  return renderWithQueryClient(<ArticleMetadataForm article={ARTICLE} />, queryClient);
}

describe("ArticleMetadataForm", () => {
  it("opens as a disclosure with the article's details, and saves only what changed, with If-Match", async () => {
    const user = userEvent.setup();
    const saved = { ...ARTICLE, author: "Ilse Strauss", version: 3 };
    const api = stubApi({ [PATH]: { status: 200, body: saved } });
    const { queryClient } = renderForm();
    const toggle = screen.getByRole("button", { name: "Edit details" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const form = screen.getByRole("form", { name: "Article details" });
    expect(toggle).toHaveAttribute("aria-controls", form.id);
    expect(within(form).getByRole("textbox", { name: "Title" })).toHaveValue(ARTICLE.title);
    expect(within(form).getByRole("textbox", { name: "Outlet" })).toHaveValue("All Israel News");
    expect(within(form).getByLabelText("Published")).toHaveValue("2022-11-08");

    // A blank title is refused here, with the core schema's words, before anything is sent.
    const title = within(form).getByRole("textbox", { name: "Title" });
    await user.clear(title);
    await user.click(screen.getByRole("button", { name: "Save details" }));
    expect(title).toHaveAccessibleDescription("Give the article a title.");
    expect(title).toHaveFocus();
    expect(api.requestsTo(PATH)).toHaveLength(0);

    await user.type(title, ARTICLE.title);
    await user.type(within(form).getByRole("textbox", { name: "Author" }), "Ilse Strauss");
    await user.click(screen.getByRole("button", { name: "Save details" }));

    await waitFor(() => expect(toggle).toHaveAttribute("aria-expanded", "false"));
    expect(toggle).toHaveFocus();
    expect(screen.getByRole("status")).toHaveTextContent("Details saved.");
    // The stored timestamp is not rewritten as a bare date: only the author changed.
    const [request] = api.requestsTo(PATH);
    expect(request?.body).toEqual({ author: "Ilse Strauss" });
    expect(request?.headers.get("If-Match")).toBe('"2"');
    expect(queryClient.getQueryData(articleKeys.detail(ARTICLE.id))).toEqual(saved);
    expect(queryClient.getQueryData<ArticleSummary[]>(articleKeys.list())?.[0]).toMatchObject({
      author: "Ilse Strauss",
      version: 3,
      counts: SUMMARY.counts,
    });
  });

  it("on a stale version shows their details beside the reviewer's, then saves the reviewer's over theirs", async () => {
    const user = userEvent.setup();
    const theirs = { ...ARTICLE, outlet: "AIN", author: "Ilse Strauss", version: 5 };
    const api = stubApi({
      [PATH]: [
        errorAnswer(412, "PRECONDITION_FAILED", "Changed.", { current: theirs }),
        { status: 200, body: { ...theirs, outlet: "All Israel", version: 6 } },
      ],
    });
    const { queryClient } = renderForm();
    await user.click(screen.getByRole("button", { name: "Edit details" }));
    const outlet = screen.getByRole("textbox", { name: "Outlet" });
    await user.clear(outlet);
    await user.type(outlet, "All Israel");
    await user.click(screen.getByRole("button", { name: "Save details" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Someone else saved this article while you were editing its details.");
    expect(alert).toHaveFocus();
    const rows = within(alert).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(["OutletAINAll Israel", "AuthorIlse StraussIlse Strauss"]);
    // The reviewer's change is replayed on theirs: their author, which the reviewer did not touch, stays.
    expect(outlet).toHaveValue("All Israel");
    expect(screen.getByRole("textbox", { name: "Author" })).toHaveValue("Ilse Strauss");
    // Meanwhile the cache, and so the page, holds their version.
    expect(queryClient.getQueryData<Article>(articleKeys.detail(ARTICLE.id))?.version).toBe(5);

    await user.click(within(alert).getByRole("button", { name: "Save mine over theirs" }));
    await waitFor(() => expect(screen.queryByRole("form")).not.toBeInTheDocument());
    const second = api.requestsTo(PATH)[1];
    // Against their version now, with only the reviewer's own change.
    expect(second?.headers.get("If-Match")).toBe('"5"');
    expect(second?.body).toEqual({ outlet: "All Israel" });
    expect(queryClient.getQueryData<Article>(articleKeys.detail(ARTICLE.id))?.version).toBe(6);
  });

  it("keeps their details when the reviewer chooses theirs", async () => {
    const user = userEvent.setup();
    const theirs = { ...ARTICLE, title: "Iran admits sending drones to Russia", version: 4 };
    stubApi({ [PATH]: errorAnswer(412, "PRECONDITION_FAILED", "Changed.", { current: theirs }) });
    renderForm();
    await user.click(screen.getByRole("button", { name: "Edit details" }));
    await user.type(screen.getByRole("textbox", { name: "Outlet" }), " (Jerusalem)");
    await user.click(screen.getByRole("button", { name: "Save details" }));
    await user.click(await screen.findByRole("button", { name: "Keep theirs" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Title" })).toHaveValue("Iran admits sending drones to Russia");
    expect(screen.getByRole("textbox", { name: "Outlet" })).toHaveValue("All Israel News");
  });
});
