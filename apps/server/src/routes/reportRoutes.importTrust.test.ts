import {
  type Article,
  type Claim,
  type NativeReport,
  type Principal,
  ZClaim,
  ZClaimHistory,
  ZReviewList,
} from "@factmark/core";
import { describe, expect, it } from "vitest";
import { ensureAccount } from "../repositories/accountRepository";
import { importReport } from "../services/report/importReport";
import { reviewClaim } from "../services/reviews/reviewClaim";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildPublishableArticle } from "../test/buildPublishableArticle";
import { createTestApp, type TestIdentity } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";

// An import brings in a document anyone can write, and its reviews and the names in them prove nothing here: an import
// never approves and never publishes. Its reviews are kept, but the approvals a claim needs are given here.

const testApp = await createTestApp();
const { db, request } = testApp;
const admin = await testApp.userFor("admin");
const editor = await testApp.userFor("editor");
/** A second editor, who neither set nor imported the verdicts below. */
const otherEditor: Principal = { id: "olga-other-editor", name: "Olga Other", role: "editor" };
await ensureAccount(db, otherEditor);
/** A third editor, a colleague whose id a hand-written document can name as an approver. */
const peerEditor: Principal = { id: "pia-peer-editor", name: "Pia Peer", role: "editor" };
await ensureAccount(db, peerEditor);

async function ok(response: Response, status = 200): Promise<unknown> {
  expect(response.status, await response.clone().text()).toBe(status);
  return response.json();
}

async function readArticle(id: string): Promise<Article> {
  return (await ok(await request("GET", `/api/articles/${id}`))) as Article;
}

async function readClaims(articleId: string): Promise<Claim[]> {
  const list = (await ok(await request("GET", `/api/articles/${articleId}/claims`))) as { items: unknown[] };
  return ZClaim.array().parse(list.items);
}

async function exportJson(articleId: string): Promise<NativeReport> {
  return (await ok(await request("GET", `/api/articles/${articleId}/report?format=json`))) as NativeReport;
}

async function importAs(as: TestIdentity, document: unknown): Promise<Article> {
  return (await ok(await testApp.as(as).request("POST", "/api/articles/import", document), 201)) as Article;
}

async function publishAs(as: TestIdentity, articleId: string): Promise<Response> {
  const { version } = await readArticle(articleId);
  return testApp.as(as).request("POST", `/api/articles/${articleId}/publications`, {}, { "If-Match": `"${version}"` });
}

async function approveAs(as: TestIdentity, claimId: string): Promise<Response> {
  const claim = ZClaim.parse(await ok(await request("GET", `/api/claims/${claimId}`)));
  const headers = { "If-Match": `"${claim.version}"` };
  return testApp.as(as).request("POST", `/api/claims/${claimId}/reviews`, { decision: "approve" }, headers);
}

async function sendForReview(claimId: string): Promise<void> {
  const claim = ZClaim.parse(await ok(await request("GET", `/api/claims/${claimId}`)));
  const headers = { "If-Match": `"${claim.version}"` };
  await ok(await request("PATCH", `/api/claims/${claimId}`, { status: "ready-for-review" }, headers));
}

/** The copy's claims that have a verdict to approve. */
async function claimsWithVerdict(articleId: string): Promise<Claim[]> {
  return (await readClaims(articleId)).filter((claim) => claim.verdict !== "unverified");
}

async function setRequiredApprovals(requiredApprovals: 1 | 2): Promise<void> {
  const settings = await request("GET", "/api/settings");
  const headers = { "If-Match": settings.headers.get("ETag") ?? "" };
  await ok(await request("PATCH", "/api/settings", { requiredApprovals }, headers));
}

describe("importing claims that say they are approved", () => {
  it("brings in a claim approved without approvals as ready for review, so its importer cannot publish it alone", async () => {
    // Approved by setting the status, with no review at all: what a hand-written document can say.
    const { article } = await buildPublishableArticle(db, { title: "Approved by nobody" });
    const document = await exportJson(article.id);
    expect(document.claims.filter((claim) => claim.status === "approved")).toHaveLength(2);

    const copy = await importAs("editor", document);
    const claims = (await readClaims(copy.id)).filter((claim) => claim.verdict !== "unverified");
    expect(claims.map((claim) => [claim.status, claim.approvals])).toEqual([
      ["ready-for-review", 0],
      ["ready-for-review", 0],
    ]);
    const history = ZClaimHistory.parse(await ok(await request("GET", `/api/claims/${claims[0]?.id}/history`)));
    expect(history.items[0]).toMatchObject({
      action: "claim.status_changed",
      from: "approved",
      to: "ready-for-review",
      by: { id: editor.id, name: editor.name },
    });
    expect(history.items[0]?.originalActorName ?? null).toBeNull();

    await expectApiError(await publishAs("editor", copy.id), 409, "CONFLICT");
  });

  it("counts no imported approval, even two invented ones, so an importer never publishes alone", async () => {
    await setRequiredApprovals(2);
    try {
      const { article, malley, iravani } = await buildPublishableArticle(db, { title: "Approved by the document" });
      const document = await exportJson(article.id);
      // Written by hand: two approvals by people who do not exist and two by the ids of real colleagues, who gave none.
      const approvers = [
        { id: "invented-ida", name: "Ida Invented" },
        { id: "invented-ivo", name: "Ivo Invented" },
        { id: otherEditor.id, name: otherEditor.name },
        { id: peerEditor.id, name: peerEditor.name },
      ];
      for (const claim of [malley, iravani]) {
        approvers.forEach((by, index) => {
          document.events.push({
            id: `evt_${claim.id}_${index}`,
            at: "2026-11-30T12:00:00.000Z",
            by,
            claimId: claim.id,
            action: "claim.reviewed",
            to: { reviewId: `rev_${claim.id}_${index}`, decision: "approve", note: null, round: 1, status: "approved" },
          } as NativeReport["events"][number]);
        });
        const exported = document.claims.find((item) => item.id === claim.id);
        if (exported) exported.approvals = approvers.length;
      }

      const copy = await importAs("editor", document);
      const claims = await claimsWithVerdict(copy.id);
      expect(claims.map((claim) => [claim.status, claim.approvals])).toEqual([
        ["ready-for-review", 0],
        ["ready-for-review", 0],
      ]);
      // Every review is kept, as the document tells it.
      const reviews = ZReviewList.parse(await ok(await request("GET", `/api/claims/${claims[0]?.id}/reviews`)));
      expect(reviews.items.map((review) => [review.decision, review.round, review.originalReviewerName])).toEqual(
        approvers.map((by) => ["approve", 1, by.name]),
      );
      const history = ZClaimHistory.parse(await ok(await request("GET", `/api/claims/${claims[0]?.id}/history`)));
      expect(history.items[0]).toMatchObject({
        action: "claim.status_changed",
        from: "approved",
        to: "ready-for-review",
        by: { id: editor.id, name: editor.name },
      });

      const refused = await expectApiError(await publishAs("editor", copy.id), 409, "CONFLICT");
      // Claim 1 is the unverified one, which blocks nothing.
      expect(refused.details).toEqual({
        blockers: [
          { claimId: claims[0]?.id, number: 2, reason: "Claim 2 is ready for review, not approved." },
          { claimId: claims[1]?.id, number: 3, reason: "Claim 3 is ready for review, not approved." },
        ],
      });
    } finally {
      await setRequiredApprovals(1);
    }
  });

  it("counts nothing of a round in which the verdict's setter approved their own verdict, and starts a new one", async () => {
    const { article, malley } = await buildPublishableArticle(db, { title: "Approved by its setter" });
    const document = await exportJson(article.id);
    // Made by hand: the admin, who set the verdict, approves it (Factmark itself answers 403 own_verdict).
    document.events.push({
      id: "evt_self_approval",
      at: "2026-11-30T12:00:00.000Z",
      by: { id: admin.id, name: admin.name },
      claimId: malley.id,
      action: "claim.reviewed",
      to: { reviewId: "rev_self", decision: "approve", note: null, round: 1, status: "approved" },
    } as NativeReport["events"][number]);

    const copy = await importAs("editor", document);
    const copied = (await claimsWithVerdict(copy.id)).find(
      (claim) => claim.selectors.quote.exact === malley.selectors.quote.exact,
    );
    expect(copied).toMatchObject({ status: "ready-for-review", approvals: 0 });
    const review = await reviewClaim(db, otherEditor, copied?.id ?? "", copied?.version ?? 0, { decision: "approve" });
    expect(review.claim).toMatchObject({ status: "approved", approvals: 1 });
  });

  it("never brings anything in published, whatever the document says", async () => {
    const { article } = await buildPublishableArticle(db, { title: "Published once" });
    await ok(await publishAs("admin", article.id), 201);
    const document = await exportJson(article.id);
    expect(document.article.publication.latestVersion).toBe(1);

    const copy = await importAs("editor", document);
    expect(copy.publication).toMatchObject({ slug: null, latestVersion: 0, url: null });
    const publications = (await ok(await request("GET", `/api/articles/${copy.id}/publications`))) as {
      items: unknown[];
    };
    expect(publications.items).toEqual([]);
  });

  it("counts no imported approval of a claim still in review either: a new round needs every approval given here", async () => {
    await setRequiredApprovals(2);
    try {
      const article = await buildArticle(db, { title: "One approval of two" });
      const claim = await buildClaim(db, article, "Iran transferred dozens just this summer", {
        verdict: "contradicted",
      });
      await sendForReview(claim.id);
      await ok(await approveAs("editor", claim.id), 201);
      // Exported as it stands: ready for review, one approval of the two it needs.
      const document = await exportJson(article.id);
      expect(document.claims.map((item) => [item.status, item.approvals])).toEqual([["ready-for-review", 1]]);

      const copy = await importAs("admin", document);
      const [imported] = await readClaims(copy.id);
      expect(imported).toMatchObject({ status: "ready-for-review", approvals: 0 });
      // The editor's approval is kept, in the round it was given; here it takes two approvals given here.
      const first = await reviewClaim(db, editor, imported?.id ?? "", imported?.version ?? 0, { decision: "approve" });
      expect(first.claim).toMatchObject({ status: "ready-for-review", approvals: 1 });
      const second = await reviewClaim(db, otherEditor, imported?.id ?? "", first.claim.version, {
        decision: "approve",
      });
      expect(second.claim).toMatchObject({ status: "approved", approvals: 2 });
      const reviews = ZReviewList.parse(await ok(await request("GET", `/api/claims/${imported?.id}/reviews`)));
      // The imported approval is filed under the importer, with the editor's name kept as its original reviewer.
      expect(reviews.items.map((review) => [review.by.name, review.round])).toEqual([
        [admin.name, 1],
        [editor.name, 2],
        [otherEditor.name, 2],
      ]);
    } finally {
      await setRequiredApprovals(1);
    }
  });
});

describe("importing who set each verdict", () => {
  it("keeps the verdict's setter when the account is here, so they cannot approve it on the copy", async () => {
    const { article, malley } = await buildPublishableArticle(db, { title: "Set by the admin" });
    await sendForReview(malley.id);
    // On the original, the admin set the verdict and may not approve it.
    const onOriginal = await expectApiError(await approveAs("admin", malley.id), 403, "FORBIDDEN");
    expect(onOriginal.details).toMatchObject({ reason: "own_verdict" });

    const copy = await importAs("editor", await exportJson(article.id));
    const [copied] = await claimsWithVerdict(copy.id);
    expect(copied?.verdictSetBy).toEqual({ id: admin.id, name: admin.name });
    const onCopy = await expectApiError(await approveAs("admin", copied?.id ?? ""), 403, "FORBIDDEN");
    expect(onCopy.details).toMatchObject({ reason: "own_verdict" });
    // Nor may the importer, who brought the verdict in.
    const byImporter = await expectApiError(await approveAs("editor", copied?.id ?? ""), 403, "FORBIDDEN");
    expect(byImporter.details).toMatchObject({ reason: "own_verdict" });
    // Someone else here may.
    const review = await reviewClaim(db, otherEditor, copied?.id ?? "", copied?.version ?? 0, { decision: "approve" });
    expect(review.claim.status).toBe("approved");
  });

  it("keeps the importer as the setter of a verdict whose setter is not here, and the original name in the history", async () => {
    const { article } = await buildPublishableArticle(db, { title: "Set elsewhere" });
    const document = await exportJson(article.id);
    const elsewhere = { id: "ana-at-another-desk", name: "Ana Ruiz" };
    for (const claim of document.claims) if (claim.verdictSetBy) claim.verdictSetBy = elsewhere;
    for (const event of document.events) if (event.by.id === admin.id) event.by = elsewhere;

    const importer: Principal = { id: "ines-importer", name: "Ines Importer", role: "editor" };
    await ensureAccount(db, importer);
    const copy = await importReport(db, importer, document);
    const [copied] = await claimsWithVerdict(copy.id);
    expect(copied?.verdictSetBy).toEqual({ id: importer.id, name: importer.name });
    const history = ZClaimHistory.parse(await ok(await request("GET", `/api/claims/${copied?.id}/history`)));
    expect(history.items.find((item) => item.action === "claim.created")).toMatchObject({
      by: { id: importer.id, name: importer.name },
      originalActorName: "Ana Ruiz",
    });
    await expect(
      reviewClaim(db, importer, copied?.id ?? "", copied?.version ?? 0, { decision: "approve" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", details: { reason: "own_verdict" } });
  });
});

describe("importing the article's own times", () => {
  it("keeps when the article was created and last changed; its import entry says when it was imported", async () => {
    const { article } = await buildPublishableArticle(db, { title: "Old times" });
    const document = await exportJson(article.id);
    document.article.createdAt = "2024-03-01T09:00:00.000Z";
    document.article.updatedAt = "2024-03-02T10:30:00.000Z";
    const before = Date.now();

    const copy = await importAs("editor", document);
    expect([copy.createdAt, copy.updatedAt]).toEqual(["2024-03-01T09:00:00.000Z", "2024-03-02T10:30:00.000Z"]);
    const again = await exportJson(copy.id);
    const imported = again.events.at(-1);
    expect(imported?.action).toBe("article.imported");
    expect(Date.parse(imported?.at ?? "")).toBeGreaterThanOrEqual(before - 1000);
  });
});
