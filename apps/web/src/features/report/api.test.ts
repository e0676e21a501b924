import { articleText, buildReportModel, plainTextToDoc, UNCONCLUDED_ARTICLE } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildClaim } from "../../test/buildClaim";
import { stubApi } from "../../test/stubApi";
import { fetchReportModel } from "./api";

const TEXT = "Malley said Iran transferred dozens just this summer.";
const doc = plainTextToDoc(TEXT);
const MODEL = buildReportModel({
  article: {
    id: "article-1",
    title: "Iran and the drones",
    sourceUrl: null,
    outlet: null,
    author: null,
    publishedAt: "2022-11-10",
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    doc,
    text: articleText(doc),
    ...UNCONCLUDED_ARTICLE,
  },
  claims: [buildClaim(TEXT, "transferred dozens just this summer", "contradicted", { id: "claim-7" })],
  links: [],
  evidence: [
    {
      id: "evidence-1",
      claimId: "claim-7",
      url: "https://www.reuters.com/world/iran-drones",
      title: null,
      excerpt: null,
      stance: "contradicts",
      version: 1,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
      createdBy: { id: "local-reviewer", name: "Local reviewer" },
    },
  ],
  events: [],
  generatedAt: "2026-01-02T00:00:00.000Z",
  organisation: { name: "Factmark", url: "http://localhost" },
});
const MODEL_PATH = "GET /api/articles/article-1/report/model";

describe("fetchReportModel", () => {
  it("gives the model the server sends, read through core's schema", async () => {
    stubApi({ [MODEL_PATH]: { status: 200, body: MODEL } });
    await expect(fetchReportModel("article-1")).resolves.toEqual(JSON.parse(JSON.stringify(MODEL)));
  });

  it("refuses an answer that is not a report model, with an error the page can show", async () => {
    stubApi({ [MODEL_PATH]: { status: 200, body: { ...MODEL, claims: [{ id: "claim-7" }] } } });
    await expect(fetchReportModel("article-1")).rejects.toMatchObject({
      name: "ApiError",
      code: "INTERNAL",
      message: "The server answered a report this page cannot read.",
    });
  });
});
