import { ZReportModel } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildEvidence } from "../test/buildEvidence";
import { buildLink } from "../test/buildLink";
import { createTestApp } from "../test/createTestApp";

const { db, request } = await createTestApp();

describe("GET /api/articles/:id/report/model and core's ZReportModel", () => {
  it("agree: the web app reads the model the server sends, every field kept", async () => {
    const article = await buildArticle(db, { outlet: "Example News" });
    const limited = await buildClaim(db, article, "a limited number of drones months before the Ukraine war", {
      verdict: "contradicted",
      speaker: "Hossein Amir-Abdollahian",
    });
    const dozens = await buildClaim(db, article, "transferred dozens just this summer", { verdict: "supported" });
    await buildLink(db, limited, dozens, "contradicts", "Months before the war, or this summer?");
    await buildEvidence(db, limited);
    await buildEvidence(db, dozens, { url: "https://www.state.gov/briefing", title: null, stance: "supports" });

    const response = await request("GET", `/api/articles/${article.id}/report/model`);
    expect(response.status).toBe(200);
    const sent = await response.json();
    const parsed = ZReportModel.safeParse(sent);
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toEqual(sent);
    expect(parsed.data?.claims.flatMap((claim) => claim.evidence.map((item) => item.stanceLabel))).toEqual([
      "Contradicts",
      "Supports",
    ]);
  });

  it("is built once and kept until the article changes: a reload is answered from memory, a new verdict shows", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "transferred dozens just this summer", { verdict: "unverified" });
    const model = async () => {
      const response = await request("GET", `/api/articles/${article.id}/report/model`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      return { cache: response.headers.get("x-cache"), model: ZReportModel.parse(await response.json()) };
    };
    const first = await model();
    expect(first.cache).toBe("miss");
    const again = await model();
    expect(again).toEqual({ cache: "hit", model: first.model });

    const changed = await request(
      "PATCH",
      `/api/claims/${claim.id}`,
      { verdict: "contradicted" },
      { "If-Match": `"${claim.version}"` },
    );
    expect(changed.status).toBe(200);
    const after = await model();
    expect(after.cache).toBe("miss");
    expect(after.model.claims.map((each) => each.verdict)).toEqual(["contradicted"]);
  });
});
