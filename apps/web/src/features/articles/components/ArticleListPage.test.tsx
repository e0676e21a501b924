import { type ArticleSummary, NEVER_PUBLISHED } from "@factmark/core";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { stubApi } from "../../../test/stubApi";
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
});
