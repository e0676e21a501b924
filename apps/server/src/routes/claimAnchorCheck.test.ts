import { plainTextToDoc, ZArticleSaved, ZClaim, ZClaimHistory, ZClaimList, ZNearestMatchAnswer } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";
import { sendWhileArticleLocked } from "../test/sendWhileArticleLocked";

const { db, request } = await createTestApp();

const CLINICS = [
  "The north clinic reported that waiting times dropped by nine percent in spring.",
  "The south clinic reported that waiting times dropped by nine percent in autumn.",
];

async function save(id: string, version: number, lines: string[]) {
  const response = await request(
    "PATCH",
    `/api/articles/${id}`,
    { doc: plainTextToDoc(lines.join("\n")) },
    { "If-Match": `"${version}"` },
  );
  expect(response.status).toBe(200);
  return ZArticleSaved.parse(await response.json());
}

async function readClaim(id: string) {
  return ZClaim.parse(await (await request("GET", `/api/claims/${id}`)).json());
}

async function historyOf(id: string) {
  return ZClaimHistory.parse(await (await request("GET", `/api/claims/${id}/history`)).json()).items;
}

describe("a claim a save moved onto edited words", () => {
  it("is flagged until a reviewer confirms its place, and both steps are in its history", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "limited number of drones", { verdict: "contradicted" });
    const lines = article.text.split("\n");
    lines[0] = (lines[0] as string).replace("limited number of drones", "limited number of armed drones");
    const saved = await save(article.id, article.version, lines);
    expect(saved.reanchored?.fuzzy).toBe(1);

    const moved = await readClaim(claim.id);
    expect(moved).toMatchObject({ isAnchorUnconfirmed: true, isOrphaned: false, verdict: "contradicted" });
    expect(moved.selectors.quote.exact).toBe("limited number of armed drones");
    const [reanchored] = await historyOf(claim.id);
    expect(reanchored).toMatchObject({
      action: "claim.reanchored",
      to: { status: "fuzzy", isAnchorUnconfirmed: true },
    });
    // The claim list a page reads carries the flag too.
    const list = ZClaimList.parse(await (await request("GET", `/api/articles/${article.id}/claims`)).json());
    expect(list.items.find((item) => item.id === claim.id)?.isAnchorUnconfirmed).toBe(true);

    const confirmed = await request("POST", `/api/claims/${claim.id}/anchor-confirmation`, undefined, {
      "If-Match": `"${moved.version}"`,
    });
    expect(confirmed.status).toBe(200);
    expect(ZClaim.parse(await confirmed.json())).toMatchObject({
      isAnchorUnconfirmed: false,
      version: moved.version + 1,
    });
    expect(confirmed.headers.get("ETag")).toBe(`"${moved.version + 1}"`);
    const [entry] = await historyOf(claim.id);
    expect(entry).toMatchObject({ action: "claim.anchor_confirmed", to: { exact: "limited number of armed drones" } });
  });

  it("is not flagged when only text elsewhere changed", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "transferred dozens just this summer");
    await save(article.id, article.version, ["A new first paragraph.", ...article.text.split("\n")]);
    expect((await readClaim(claim.id)).isAnchorUnconfirmed).toBe(false);
  });

  it("refuses a confirmation nothing asked for (409), a stale one (412) and an unknown claim (404), changing nothing", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "totally unfounded");
    const needless = await expectUnchanged(db, () =>
      request("POST", `/api/claims/${claim.id}/anchor-confirmation`, undefined, { "If-Match": `"${claim.version}"` }),
    );
    await expectApiError(needless, 409, "CONFLICT");

    const lines = article.text.split("\n");
    lines[2] = "Iravani called any support for Russia totally unfounded and absurd.";
    lines[0] = (lines[0] as string).replace("limited number of drones", "limited number of armed drones");
    const flagged = await buildClaim(db, article, "limited number of drones");
    await save(article.id, article.version, lines);
    const stale = await expectUnchanged(db, () =>
      request("POST", `/api/claims/${flagged.id}/anchor-confirmation`, undefined, { "If-Match": '"1"' }),
    );
    await expectApiError(stale, 412, "PRECONDITION_FAILED");
    // A confirmation names the version the reviewer saw, so a newer move is never confirmed unseen.
    const unnamed = await expectUnchanged(db, () => request("POST", `/api/claims/${flagged.id}/anchor-confirmation`));
    await expectApiError(unnamed, 428, "PRECONDITION_REQUIRED");
    const missing = await expectUnchanged(db, () =>
      request("POST", "/api/claims/nope/anchor-confirmation", undefined, { "If-Match": '"1"' }),
    );
    await expectApiError(missing, 404, "NOT_FOUND");
  });

  for (const change of ["claim deleted", "article deleted", "claim changed"] as const) {
    it(`sees what a write it waited for committed (${change}): the claim or its article deleted (404), a newer version (412, the claim as it is now), storing nothing`, async () => {
      const article = await buildArticle(db);
      const claim = await buildClaim(db, article, "limited number of drones");
      const lines = article.text.split("\n");
      lines[0] = (lines[0] as string).replace("limited number of drones", "limited number of armed drones");
      await save(article.id, article.version, lines);
      const moved = await readClaim(claim.id);
      expect(moved.isAnchorUnconfirmed, change).toBe(true);
      const response = await sendWhileArticleLocked(
        db,
        article.id,
        () =>
          request("POST", `/api/claims/${claim.id}/anchor-confirmation`, undefined, {
            "If-Match": `"${moved.version}"`,
          }),
        (tx) => {
          if (change === "article deleted") {
            return tx.article.update({ where: { id: article.id }, data: { deletedAt: new Date() } });
          }
          const data =
            change === "claim deleted"
              ? { deletedAt: new Date(), version: { increment: 1 } }
              : { rationale: "Changed meanwhile.", version: { increment: 1 } };
          return tx.claim.update({ where: { id: claim.id }, data });
        },
      );
      if (change === "claim changed") {
        const error = await expectApiError(response, 412, "PRECONDITION_FAILED");
        expect(error.details, change).toMatchObject({
          current: { id: claim.id, version: moved.version + 1, rationale: "Changed meanwhile." },
        });
      } else {
        const error = await expectApiError(response, 404, "NOT_FOUND");
        expect(error.message, change).toBe(`No claim with id "${claim.id}".`);
      }
      const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
      expect({ version: stored.version, isAnchorUnconfirmed: stored.isAnchorUnconfirmed }, change).toEqual({
        version: change === "article deleted" ? moved.version : moved.version + 1,
        isAnchorUnconfirmed: true,
      });
      expect(await db.event.count({ where: { claimId: claim.id, action: "claim.anchor_confirmed" } }), change).toBe(0);
    });
  }
});

describe("a claim whose sentence was deleted beside a look-alike", () => {
  it("is orphaned, not moved onto the other clinic's sentence, and offers that sentence as its nearest match", async () => {
    const article = await buildArticle(db, { content: CLINICS.join("\n") });
    const claim = await buildClaim(db, article, CLINICS[0] as string, { verdict: "contradicted" });
    const saved = await save(article.id, article.version, [CLINICS[1] as string]);
    expect(saved.reanchored).toMatchObject({ orphaned: 1, fuzzy: 0 });

    const orphan = await readClaim(claim.id);
    expect(orphan).toMatchObject({ isOrphaned: true, selectors: { quote: { exact: CLINICS[0] } } });

    const response = await request("GET", `/api/claims/${claim.id}/nearest-match`);
    expect(response.status).toBe(200);
    const { match } = ZNearestMatchAnswer.parse(await response.json());
    expect(match?.selectors.quote.exact).toContain("south clinic reported");
    expect(match?.differences.join(" ")).toMatch(/north/);

    // Attaching there is the reviewer's decision, through the re-attach route.
    const attached = await request(
      "POST",
      `/api/claims/${claim.id}/reattach`,
      { selectors: { position: match?.selectors.position } },
      { "If-Match": `"${orphan.version}"` },
    );
    expect(attached.status).toBe(200);
    expect(ZClaim.parse(await attached.json())).toMatchObject({ isOrphaned: false, isAnchorUnconfirmed: false });
  });

  it("answers a nearest match only for orphans (409), and 404 for an unknown claim", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "totally unfounded");
    await expectApiError(await request("GET", `/api/claims/${claim.id}/nearest-match`), 409, "CONFLICT");
    await expectApiError(await request("GET", "/api/claims/nope/nearest-match"), 404, "NOT_FOUND");
  });

  it("answers null when nothing in the article comes close", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "totally unfounded");
    await save(article.id, article.version, ["Something else entirely, about the weather in Lisbon."]);
    const { match } = ZNearestMatchAnswer.parse(
      await (await request("GET", `/api/claims/${claim.id}/nearest-match`)).json(),
    );
    expect(match).toBeNull();
  });
});
