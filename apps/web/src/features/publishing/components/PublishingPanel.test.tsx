import type { Article, Role } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildArticle, buildPublication } from "../../../test/buildArticle";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, type StubAnswer, stubApi } from "../../../test/stubApi";
import { useArticleQuery } from "../../articles/hooks/useArticleQuery";
import { articleKeys } from "../../articles/queryKeys";
import { formatPublicationDay } from "../formatPublicationDay";
import { PublishingPanel } from "./PublishingPanel";

const ARTICLE_PATH = "GET /api/articles/article-1";
const PATCH_PATH = "PATCH /api/articles/article-1";
const PUBLISH_PATH = "POST /api/articles/article-1/publications";
const LIST_PATH = "GET /api/articles/article-1/publications";
const RETRACT_PATH = "POST /api/articles/article-1/publications/retract";

const CONCLUSION = {
  summary: "Iran's own statements contradict each other:\n\n- a limited number\n- dozens this summer",
  rating: "mostly-inaccurate" as const,
};

const PUBLISHED = {
  slug: "iran-admits-supplying-russia-with-drones",
  latestVersion: 1,
  firstPublishedAt: "2026-12-01T10:00:00.000Z",
  latestPublishedAt: "2026-12-01T10:00:00.000Z",
  retractedAt: null,
  url: "http://localhost/fact-checks/iran-admits-supplying-russia-with-drones",
};

/** The panel as the workspace mounts it: on the article the cache holds, so a save shows at once. */
function Panel({ onSelectClaim }: { onSelectClaim: (claimId: string) => void }) {
  const article = useArticleQuery("article-1").data;
  return article ? <PublishingPanel article={article} onSelectClaim={onSelectClaim} /> : null;
}

function renderPanel(
  article: Article,
  routes: Record<string, StubAnswer | StubAnswer[]> = {},
  { role = "editor", speakers = [] as string[] }: { role?: Role; speakers?: string[] } = {},
) {
  const api = stubApi({
    [ARTICLE_PATH]: { status: 200, body: article },
    "GET /api/articles/article-1/speakers": { status: 200, body: { items: speakers } },
    [LIST_PATH]: { status: 200, body: { items: [buildPublication(1)] } },
    ...routes,
  });
  const queryClient = createTestQueryClient(role);
  queryClient.setQueryData(articleKeys.detail(article.id), article);
  const onSelectClaim = vi.fn();
  const result = renderWithQueryClient(<Panel onSelectClaim={onSelectClaim} />, queryClient);
  return { ...result, api, onSelectClaim };
}

describe("PublishingPanel: the conclusion", () => {
  it("saves the overall rating and summary with If-Match, then shows them formatted", async () => {
    const user = userEvent.setup();
    const saved = buildArticle({ conclusion: CONCLUSION, version: 2 });
    const { api } = renderPanel(buildArticle(), { [PATCH_PATH]: { status: 200, body: saved } });
    expect(screen.getByText(/No conclusion yet/)).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Write conclusion" }));
    const form = screen.getByRole("form", { name: "Conclusion" });
    expect(within(form).getByRole("combobox", { name: "Overall rating" })).toHaveFocus();

    // Nothing is sent until both are there, and the editor is told what is missing.
    await user.click(within(form).getByRole("button", { name: "Save conclusion" }));
    expect(within(form).getByRole("combobox", { name: "Overall rating" })).toHaveAccessibleDescription(
      "Choose the overall rating.",
    );
    expect(api.requestsTo(PATCH_PATH)).toHaveLength(0);

    await user.selectOptions(within(form).getByRole("combobox", { name: "Overall rating" }), "Mostly inaccurate");
    await user.type(within(form).getByRole("textbox", { name: "Summary" }), CONCLUSION.summary);
    await user.click(within(form).getByRole("button", { name: "Save conclusion" }));

    expect(await screen.findByText("Mostly inaccurate")).toBeVisible();
    expect(screen.getByRole("list")).toHaveTextContent("a limited number");
    expect(screen.getByRole("button", { name: "Edit conclusion" })).toBeVisible();
    const [request] = api.requestsTo(PATCH_PATH);
    expect(request?.body).toEqual({ conclusion: CONCLUSION });
    expect(request?.headers.get("If-Match")).toBe('"1"');
  });

  it("keeps the editor's conclusion when someone else changed it first (412), to keep theirs or save over it", async () => {
    const user = userEvent.setup();
    const theirs = buildArticle({ conclusion: { summary: "Their summary.", rating: "mixed" }, version: 5 });
    const mine = buildArticle({ conclusion: CONCLUSION, version: 6 });
    const { api } = renderPanel(buildArticle(), {
      [PATCH_PATH]: [
        errorAnswer(412, "PRECONDITION_FAILED", "Stale.", { current: theirs }),
        { status: 200, body: mine },
      ],
    });
    await user.click(screen.getByRole("button", { name: "Write conclusion" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Overall rating" }), "Mostly inaccurate");
    await user.type(screen.getByRole("textbox", { name: "Summary" }), CONCLUSION.summary);
    await user.click(screen.getByRole("button", { name: "Save conclusion" }));

    const conflict = await screen.findByRole("alert");
    expect(conflict).toHaveTextContent("Someone else changed the conclusion while you were writing");
    expect(conflict).toHaveTextContent("Their summary.");
    expect(within(conflict).getByText("Mixed")).toBeVisible();
    // Nothing of the editor's is lost.
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveValue(CONCLUSION.summary);
    expect(screen.getByRole("combobox", { name: "Overall rating" })).toHaveValue("mostly-inaccurate");

    await user.click(within(conflict).getByRole("button", { name: "Save mine over theirs" }));
    expect(await screen.findByRole("button", { name: "Edit conclusion" })).toBeVisible();
    expect(screen.getByText("Mostly inaccurate")).toBeVisible();
    const requests = api.requestsTo(PATCH_PATH);
    expect(requests.map((request) => request.headers.get("If-Match"))).toEqual(['"1"', '"5"']);
    expect(requests[1]?.body).toEqual({ conclusion: CONCLUSION });
  });

  it("shows the conclusion read-only to a reviewer, with nothing to publish or retract", async () => {
    renderPanel(buildArticle({ conclusion: CONCLUSION, publication: PUBLISHED }), {}, { role: "reviewer" });
    expect(screen.getByText("Mostly inaccurate")).toBeVisible();
    expect(screen.queryByRole("button", { name: /conclusion/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Publish/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Retract/ })).toBeNull();
    expect(await screen.findByRole("link", { name: /Version 1/ })).toBeVisible();
  });
});

describe("PublishingPanel: speakers", () => {
  it("sets each speaker's kind with If-Match, one speaker at a time", async () => {
    const user = userEvent.setup();
    const saved = buildArticle({ speakerKinds: { "Robert Malley": "Person" }, version: 2 });
    const { api } = renderPanel(
      buildArticle(),
      { [PATCH_PATH]: { status: 200, body: saved } },
      { speakers: ["Robert Malley", "Iran's foreign ministry"] },
    );
    const malley = await screen.findByRole("combobox", { name: "Kind of Robert Malley" });
    expect(malley).toHaveValue("");
    await user.selectOptions(malley, "Person");
    await waitFor(() => expect(malley).toHaveValue("Person"));
    expect(screen.getByRole("combobox", { name: "Kind of Iran's foreign ministry" })).toHaveValue("");
    const [request] = api.requestsTo(PATCH_PATH);
    expect(request?.body).toEqual({ speakerKinds: { "Robert Malley": "Person" } });
    expect(request?.headers.get("If-Match")).toBe('"1"');
  });
});

describe("PublishingPanel: publishing", () => {
  it("says the fact-check is not published, publishes it with If-Match, then gives its public address", async () => {
    const user = userEvent.setup();
    const ready = buildArticle({
      conclusion: CONCLUSION,
      sourceUrl: "https://allisrael.com/iran-drones",
      publishedAt: "2022-11-08",
      version: 3,
    });
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { api } = renderPanel(ready, {
      // The article read with the page is fresh: the next read is the one publishing asks for.
      [ARTICLE_PATH]: [{ status: 200, body: { ...ready, publication: PUBLISHED } }],
      [PUBLISH_PATH]: { status: 201, body: buildPublication(1) },
    });
    expect(screen.getByText("Not published")).toBeVisible();
    // A first version takes no note.
    expect(screen.queryByRole("textbox", { name: /Correction note/ })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Publish" }));

    expect(await screen.findByText("Published")).toBeVisible();
    expect(
      screen.getByText(`version 1 on ${formatPublicationDay(PUBLISHED.latestPublishedAt)}`, { exact: false }),
    ).toBeVisible();
    expect(screen.getByRole("link", { name: /View public page/ })).toHaveAttribute("href", PUBLISHED.url);
    expect(screen.getByRole("textbox", { name: "Public address" })).toHaveValue(PUBLISHED.url);
    await user.click(screen.getByRole("button", { name: "Copy" }));
    expect(writeText).toHaveBeenCalledWith(PUBLISHED.url);
    expect(screen.getByRole("button", { name: "Copied" })).toBeVisible();
    const [request] = api.requestsTo(PUBLISH_PATH);
    expect(request?.body).toEqual({});
    expect(request?.headers.get("If-Match")).toBe('"3"');
  });

  it("lists what blocks publishing in words: each claim a button that selects it, the article's gaps pointed at", async () => {
    const user = userEvent.setup();
    const { onSelectClaim } = renderPanel(buildArticle(), {
      [PUBLISH_PATH]: errorAnswer(409, "CONFLICT", "Some claims are not approved yet.", {
        blockers: [
          { claimId: null, number: null, reason: "Add the article's source URL." },
          { claimId: "claim-3", number: 3, reason: "Claim 3 is ready for review, not approved." },
          { claimId: "claim-5", number: 5, reason: "Claim 5 has changes requested, not approved." },
        ],
      }),
    });
    await user.click(screen.getByRole("button", { name: "Publish" }));

    const blockers = await screen.findByRole("alert");
    expect(blockers).toHaveTextContent("Not published: 3 things need settling first.");
    expect(blockers).toHaveFocus();
    const claims = within(blockers).getByRole("list", { name: "Claims to settle" });
    expect(
      within(claims)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "Claim 3 is ready for review, not approved. Show claim 3",
      "Claim 5 has changes requested, not approved. Show claim 5",
    ]);
    await user.click(within(claims).getByRole("button", { name: "Show claim 5" }));
    expect(onSelectClaim).toHaveBeenCalledWith("claim-5");

    expect(within(blockers).getByRole("list", { name: "The article" })).toHaveTextContent(
      "Add the article's source URL.",
    );
    await user.click(within(blockers).getByRole("button", { name: "Source URL" }));
    expect(screen.getByRole("textbox", { name: "Source URL (missing)" })).toHaveFocus();
    await user.click(within(blockers).getByRole("button", { name: "Conclusion" }));
    expect(screen.getByRole("combobox", { name: "Overall rating" })).toHaveFocus();
  });

  it("requires a correction note to publish a new version, and sends it", async () => {
    const user = userEvent.setup();
    const published = buildArticle({ conclusion: CONCLUSION, publication: PUBLISHED, version: 4 });
    const { api } = renderPanel(published, {
      [PUBLISH_PATH]: { status: 201, body: buildPublication(2, { correctionNote: "Fixed the date." }) },
    });
    const note = screen.getByRole("textbox", { name: "Correction note (required)" });
    expect(note).toHaveAccessibleDescription(/Appears on the public page as “Correction, .*: …”/);
    await user.click(screen.getByRole("button", { name: "Publish version 2" }));
    expect(note).toHaveFocus();
    expect(note).toHaveAccessibleDescription(/Say what this version corrects/);
    expect(api.requestsTo(PUBLISH_PATH)).toHaveLength(0);

    await user.type(note, "  Fixed the date.  ");
    await user.click(screen.getByRole("button", { name: "Publish version 2" }));
    await waitFor(() => expect(api.requestsTo(PUBLISH_PATH)).toHaveLength(1));
    expect(api.requestsTo(PUBLISH_PATH)[0]?.body).toEqual({ correctionNote: "Fixed the date." });
    await waitFor(() => expect(note).toHaveValue(""));
  });

  it("lists every version with its day, who published it, its correction note and its page", async () => {
    const published = buildArticle({ publication: { ...PUBLISHED, latestVersion: 2 } });
    renderPanel(published, {
      [LIST_PATH]: {
        status: 200,
        body: { items: [buildPublication(2, { correctionNote: "Fixed the date." }), buildPublication(1)] },
      },
    });
    const versions = await screen.findByRole("list", { name: "Versions" });
    const items = within(versions).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(
      `Version 2 (opens in a new tab) · ${formatPublicationDay("2026-12-02T10:00:00.000Z")} · Ed Itor`,
    );
    expect(items[0]).toHaveTextContent("Correction: Fixed the date.");
    expect(within(items[1] as HTMLElement).getByRole("link", { name: /Version 1/ })).toHaveAttribute(
      "href",
      "http://localhost/fact-checks/iran-admits-supplying-russia-with-drones?version=1",
    );
  });
});

describe("PublishingPanel: retraction", () => {
  it("lets an admin retract with a required note, after a confirm step", async () => {
    const user = userEvent.setup();
    const published = buildArticle({ publication: PUBLISHED, version: 4 });
    const retractedAt = "2026-12-03T10:00:00.000Z";
    const { api } = renderPanel(
      published,
      {
        [ARTICLE_PATH]: [{ status: 200, body: { ...published, publication: { ...PUBLISHED, retractedAt } } }],
        [RETRACT_PATH]: { status: 200, body: buildPublication(1, { retractedAt }) },
        [LIST_PATH]: [
          { status: 200, body: { items: [buildPublication(1)] } },
          {
            status: 200,
            body: {
              items: [
                buildPublication(1, {
                  retractedAt,
                  retractionNote: "The quote was misattributed.",
                  retractedBy: { id: "test-admin", name: "Test admin" },
                }),
              ],
            },
          },
        ],
      },
      { role: "admin" },
    );
    await user.click(screen.getByRole("button", { name: "Retract…" }));
    const form = screen.getByRole("form", { name: "Retract the fact-check" });
    const note = within(form).getByRole("textbox", { name: "Why is it retracted? (required)" });
    expect(note).toHaveFocus();
    await user.click(within(form).getByRole("button", { name: "Retract…" }));
    expect(note).toHaveAccessibleDescription(/Say why the fact-check is retracted./);

    await user.type(note, "The quote was misattributed.");
    await user.click(within(form).getByRole("button", { name: "Retract…" }));
    const confirm = within(form).getByRole("alertdialog");
    expect(confirm).toHaveTextContent("Its public page will say it was retracted, with your note");
    expect(api.requestsTo(RETRACT_PATH)).toHaveLength(0);
    await user.click(within(confirm).getByRole("button", { name: "Yes, retract it" }));

    expect(await screen.findByText("Retracted")).toBeVisible();
    await waitFor(() =>
      expect(screen.getByText("Retracted").closest("p")).toHaveTextContent("The quote was misattributed."),
    );
    expect(api.requestsTo(RETRACT_PATH)[0]?.body).toEqual({ note: "The quote was misattributed." });
    expect(screen.queryByRole("button", { name: "Retract…" })).toBeNull();
  });

  it("offers no retraction to an editor", async () => {
    renderPanel(buildArticle({ publication: PUBLISHED }), {}, { role: "editor" });
    expect(await screen.findByRole("button", { name: "Publish version 2" })).toBeVisible();
    expect(screen.queryByRole("button", { name: "Retract…" })).toBeNull();
  });

  it("tells an editor that only an admin may publish a retracted fact-check again, offering no Publish", async () => {
    const retracted = { ...PUBLISHED, retractedAt: "2026-12-03T10:00:00.000Z" };
    renderPanel(buildArticle({ publication: retracted }), {}, { role: "editor" });
    expect(
      await screen.findByText("An admin retracted this fact-check: only an admin may publish it again."),
    ).toBeVisible();
    expect(screen.queryByRole("button", { name: /Publish version/ })).toBeNull();
  });
});
