import {
  type Actor,
  type Claim,
  creditName,
  type NativeReport,
  type Principal,
  ZClaim,
  ZClaimHistory,
  ZEvidenceList,
  ZLinkList,
  ZReportModel,
  ZReviewList,
} from "@factmark/core";
import { describe, expect, it } from "vitest";
import { SAMPLE_ARTICLE_ID, seed } from "../db/seed";
import { ensureAccount, SEED_ADMIN } from "../repositories/accountRepository";
import { importReport } from "../services/report/importReport";
import { createTestApp, type TestIdentity } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

// The native export of a fully annotated sample article, imported by someone who did none of the work, and exported
// again: everything the desk did must come back with its people and times, the importer named only as the importer.

const testApp = await createTestApp();
const { db, request } = testApp;
await seed(db, SEED_ADMIN);
const reviewer = await testApp.userFor("reviewer");
const editor = await testApp.userFor("editor");
/** Someone who did none of the work, and imports it on another desk's behalf. */
const importer: Principal = { id: "ines-importer", name: "Ines Importer", role: "editor" };
await ensureAccount(db, importer);

async function ok(response: Response, status = 200): Promise<unknown> {
  expect(response.status, await response.clone().text()).toBe(status);
  return response.json();
}

async function readClaim(id: string): Promise<Claim> {
  return ZClaim.parse(await ok(await request("GET", `/api/claims/${id}`)));
}

async function patchClaim(id: string, body: unknown, as: TestIdentity): Promise<Claim> {
  const { version } = await readClaim(id);
  const headers = { "If-Match": `"${version}"` };
  return ZClaim.parse(await ok(await testApp.as(as).request("PATCH", `/api/claims/${id}`, body, headers)));
}

async function review(id: string, body: unknown, as: TestIdentity): Promise<void> {
  const { version } = await readClaim(id);
  const headers = { "If-Match": `"${version}"` };
  await ok(await testApp.as(as).request("POST", `/api/claims/${id}/reviews`, body, headers), 201);
}

async function markClaim(exact: string, body: Record<string, unknown> = {}): Promise<Claim> {
  const response = await testApp
    .as("reviewer")
    .request("POST", `/api/articles/${SAMPLE_ARTICLE_ID}/claims`, { selectors: { quote: { exact } }, ...body });
  return ZClaim.parse(await ok(response, 201));
}

async function exportJson(articleId: string): Promise<NativeReport> {
  return (await ok(await request("GET", `/api/articles/${articleId}/report?format=json`))) as NativeReport;
}

// Two approvals per claim, so that two reviewers' approvals must stay two people's after the import.
const settings = await request("GET", "/api/settings");
await ok(
  await request("PATCH", "/api/settings", { requiredApprovals: 2 }, { "If-Match": settings.headers.get("ETag") ?? "" }),
);

const limited = await markClaim("limited number of drones months before the Ukraine war", {
  verdict: "contradicted",
  speaker: "Hossein Amir-Abdollahian",
  rationale: "Deliveries were documented **after** the invasion.",
});
const dozens = await markClaim("transferred dozens [of drones to Russia] just this summer", {
  speaker: "Robert Malley",
});
const unverified = await markClaim("downing at least 10 of the remotely piloted aircraft every day");
await patchClaim(dozens.id, { verdict: "supported" }, "reviewer");
await patchClaim(dozens.id, { rationale: "The envoy's account matches the satellite images." }, "reviewer");
// A change undone: the history keeps both entries and what the undo put back.
await patchClaim(unverified.id, { speaker: "Volodymyr Zelenskyy" }, "reviewer");
await patchClaim(unverified.id, { speaker: "Zelenskyy" }, "reviewer");
await ok(await testApp.as("reviewer").request("POST", `/api/claims/${unverified.id}/history/undo`, {}));
await ok(
  await testApp.as("reviewer").request("POST", `/api/claims/${limited.id}/evidence`, {
    url: "https://www.state.gov/briefing",
    title: "State Department briefing",
    excerpt: "Deliveries began in August.",
    stance: "contradicts",
  }),
  201,
);
await ok(
  await testApp.as("reviewer").request("POST", `/api/claims/${dozens.id}/evidence`, {
    url: "https://example.org/satellite",
    stance: "supports",
  }),
  201,
);
await ok(
  await testApp.as("reviewer").request("POST", `/api/articles/${SAMPLE_ARTICLE_ID}/links`, {
    fromClaimId: limited.id,
    toClaimId: dozens.id,
    kind: "contradicts",
    note: "Before the war, or this summer?",
  }),
  201,
);
await patchClaim(dozens.id, { assigneeId: reviewer.id }, "editor");
await patchClaim(limited.id, { status: "ready-for-review" }, "reviewer");
await patchClaim(dozens.id, { status: "ready-for-review" }, "reviewer");
await review(limited.id, { decision: "request-changes", note: "Cite the date of the first delivery." }, "editor");
await patchClaim(limited.id, { status: "ready-for-review" }, "reviewer");
await review(limited.id, { decision: "approve" }, "editor");
await review(limited.id, { decision: "approve" }, "admin");
await review(dozens.id, { decision: "approve" }, "editor");
const sampleArticle = await ok(await request("GET", `/api/articles/${SAMPLE_ARTICLE_ID}`));
await ok(
  await testApp.as("editor").request(
    "PATCH",
    `/api/articles/${SAMPLE_ARTICLE_ID}`,
    {
      conclusion: { summary: "Iran's account does not hold.", rating: "mostly-inaccurate" },
      speakerKinds: { "Robert Malley": "Person" },
    },
    { "If-Match": `"${(sampleArticle as { version: number }).version}"` },
  ),
);

const original = await exportJson(SAMPLE_ARTICLE_ID);
const imported = await importReport(db, importer, original);
const again = await exportJson(imported.id);

const IMPORTER: Actor = { id: importer.id, name: importer.name };
const ORIGIN_FIELDS = ["originalAuthorName", "originalReviewerName", "originalActorName"] as const;
const ID_KEY = /^(id|[a-z][A-Za-z]*Id)$/;

/**
 * The export as someone reading it for what was done, by whom and when: each id replaced by its order of first
 * appearance, each person by name, an import's "originally by" name in place of the importing account (which must be
 * the importer, or the same person's own account when it is here, as a review's reviewer is), and the fields that
 * are the import's own left out (the new article's id and version, and the import's own change: its entry and the
 * claims it sent back to review). Times are kept, the article's too, and so is each verdict's setter, an account of
 * this desk.
 */
function asRead(report: NativeReport, { isImported }: { isImported: boolean }): unknown {
  const ids = new Map<string, string>();
  const label = (id: string) => ids.get(id) ?? (ids.set(id, `#${ids.size + 1}`).get(id) as string);
  const { generatedAt: _generatedAt, article, events, reviewers: _reviewers, ...rest } = report;
  const { id: _id, version: _version, ...articleRest } = article;
  const importChange = events.at(-1)?.changeNumber;
  const history = isImported ? events.filter((event) => event.changeNumber !== importChange) : events;
  if (isImported) {
    expect(events.at(-1)).toMatchObject({ action: "article.imported", by: IMPORTER, claimId: null });
  }
  function walk(value: unknown, key?: string): unknown {
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (typeof value === "string" && key !== undefined && ID_KEY.test(key)) return label(value);
    if (typeof value !== "object" || value === null) return value;
    const entries = Object.entries(value as Record<string, unknown>);
    const origin = ORIGIN_FIELDS.map((field) => (value as Record<string, unknown>)[field]).find(
      (name) => typeof name === "string",
    );
    const result: Record<string, unknown> = {};
    for (const [entryKey, entryValue] of entries) {
      if ((ORIGIN_FIELDS as readonly string[]).includes(entryKey)) continue;
      if ((entryKey === "createdBy" || entryKey === "by") && isActor(entryValue)) {
        if (isImported) {
          expect(origin, `${entryKey} of ${JSON.stringify(value)} keeps no original name`).toBeTypeOf("string");
          if (entryValue.name !== origin) expect(entryValue).toEqual(IMPORTER);
          result[entryKey] = origin;
        } else {
          result[entryKey] = entryValue.name;
        }
        continue;
      }
      if (isActor(entryValue)) {
        result[entryKey] = entryValue.name;
        continue;
      }
      result[entryKey] = walk(entryValue, entryKey);
    }
    return result;
  }
  return walk({ ...rest, article: articleRest, events: history });
}

function isActor(value: unknown): value is Actor {
  return typeof value === "object" && value !== null && Object.keys(value).sort().join() === "id,name";
}

describe("a native export imported and exported again", () => {
  it("keeps every field of the article, claims, evidence, links, reviews and history but ids and approvals", () => {
    expect(original.claims).toHaveLength(3);
    expect(original.events.length).toBeGreaterThan(20);
    // Changed on purpose: an import never approves. Each claim comes in with no approval counted, an approved one
    // ready for review, and the import's own change says so, by the importer.
    expect(original.claims.map((claim) => [claim.status, claim.approvals])).toEqual([
      ["approved", 2],
      ["to-check", 0],
      ["ready-for-review", 1],
    ]);
    const expected = structuredClone(original);
    for (const claim of expected.claims) {
      claim.approvals = 0;
      if (claim.status === "approved") claim.status = "ready-for-review";
    }
    expect(asRead(again, { isImported: true })).toEqual(asRead(expected, { isImported: false }));
    const importChange = again.events.filter((event) => event.changeNumber === again.events.at(-1)?.changeNumber);
    const sentBack = { action: "claim.status_changed", from: "approved", to: "ready-for-review" };
    expect(importChange).toMatchObject([
      { ...sentBack, by: IMPORTER, claimId: again.claims[0]?.id },
      { action: "article.imported", by: IMPORTER, claimId: null },
    ]);
  });

  it("keeps who did each thing and when, the importer recorded as the importer", async () => {
    const claims = ZClaim.array().parse(again.claims);
    expect(claims.map((claim) => [claim.createdBy, claim.originalAuthorName, claim.createdAt])).toEqual(
      original.claims.map((claim) => [IMPORTER, reviewer.name, claim.createdAt]),
    );
    const [first] = claims;
    const history = ZClaimHistory.parse(await ok(await request("GET", `/api/claims/${first?.id}/history`)));
    expect(history.items.at(-1)).toMatchObject({
      action: "claim.created",
      by: IMPORTER,
      originalActorName: reviewer.name,
      at: original.events.find((event) => event.action === "claim.created")?.at,
    });
    const reviews = ZReviewList.parse(await ok(await request("GET", `/api/claims/${first?.id}/reviews`)));
    // Filed under the importer with the reviewer's own name: a document cannot prove who reviewed, so no account here
    // is credited with a review it did not give, even on the same desk.
    expect(reviews.items.map((item) => [item.decision, item.by.name, item.originalReviewerName])).toEqual([
      ["request-changes", importer.name, editor.name],
      ["approve", importer.name, editor.name],
      ["approve", importer.name, SEED_ADMIN.name],
    ]);
    // Changed on purpose: an import never approves. Approved by two people there, it comes in ready for review in a
    // new round, where their approvals, kept in the round they were given, do not count; so does the claim with one
    // approval of two (round 1 to 2). The unverified claim, never reviewed, stays in round 1.
    expect(first).toMatchObject({ status: "ready-for-review", approvals: 0 });
    const rounds = await db.claim.findMany({
      where: { articleId: imported.id },
      orderBy: { start: "asc" },
      select: { reviewRound: true },
    });
    expect(rounds.map((claim) => claim.reviewRound)).toEqual([3, 1, 2]);
    expect(reviews.items.map((item) => item.round)).toEqual([1, 2, 2]);
    const evidence = ZEvidenceList.parse(await ok(await request("GET", `/api/claims/${first?.id}/evidence`)));
    expect(evidence.items.map((item) => [item.createdBy, item.originalAuthorName])).toEqual([
      [IMPORTER, reviewer.name],
    ]);
    const links = ZLinkList.parse(await ok(await request("GET", `/api/articles/${imported.id}/links`)));
    expect(links.items.map((item) => [item.createdBy, item.originalAuthorName])).toEqual([[IMPORTER, reviewer.name]]);
  });

  it("names the original people in the report, the importer as the one who imported", async () => {
    const model = ZReportModel.parse(
      await ok(await request("GET", `/api/articles/${imported.id}/report/model?history=include`)),
    );
    const credited = (name: string) => creditName(IMPORTER, name);
    expect(credited("Test editor")).toBe("Test editor (imported by Ines Importer)");
    // Who worked on the claims, originally, then the importer, who sent the approved one back to review.
    expect(model.header.reviewers).toEqual([
      credited(reviewer.name),
      credited(editor.name),
      credited(SEED_ADMIN.name),
      importer.name,
    ]);
    const [first] = model.claims;
    expect(first?.history.slice(-2)).toMatchObject([
      { by: credited(SEED_ADMIN.name), summary: "approved the claim" },
      { by: importer.name, summary: "moved the claim from Approved to Ready for review" },
    ]);
    const html = await (await request("GET", `/api/articles/${imported.id}/report?format=html`)).text();
    expect(html).toContain(`<dt>Reviewed by</dt><dd>${credited(reviewer.name)}, ${credited(editor.name)}`);
    const markdown = await (await request("GET", `/api/articles/${imported.id}/report?format=md`)).text();
    expect(markdown).toContain(`**Reviewed by:** ${credited(reviewer.name)}, ${credited(editor.name)}`);
  });

  it("refuses a history entry on a claim the document does not have, and stores nothing", async () => {
    const broken = structuredClone(original) as NativeReport & { events: { claimId: string | null }[] };
    const entry = broken.events.find((event) => event.claimId !== null);
    if (entry) entry.claimId = "not-a-claim";
    const response = await expectUnchanged(db, () =>
      testApp.as("editor").request("POST", "/api/articles/import", broken),
    );
    await expectApiError(response, 422, "UNPROCESSABLE");
  });

  it("refuses a history entry of a shape no action has, and stores nothing", async () => {
    const broken = structuredClone(original) as unknown as { events: Record<string, unknown>[] };
    broken.events[0] = { ...broken.events[0], at: "yesterday" };
    const response = await expectUnchanged(db, () =>
      testApp.as("editor").request("POST", "/api/articles/import", broken),
    );
    await expectApiError(response, 400, "VALIDATION_FAILED");
  });
});
