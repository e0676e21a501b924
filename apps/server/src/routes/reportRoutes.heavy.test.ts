import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { type Article, articleText, type DocNode } from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { timeOrderedId } from "../db/timeOrderedId";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { insertArticle } from "../repositories/articleRepository";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { closeHeavyWork } from "../work/heavyWork";

const PARAGRAPHS = 100_000;
const GENEROUS = { capacity: 1_000_000, perMinute: 1_000_000 };

const testApp = await createTestApp({ security: { reportLimit: GENEROUS } });
const { db, request } = testApp;

afterAll(() => closeHeavyWork());

/**
 * A 100,000-paragraph article (1.7 million characters), stored directly as one written before the block limit
 * would be: the service refuses a new one that long, but the reports of those already stored must not stall anyone.
 */
async function storeLongArticle(): Promise<Article> {
  const doc: DocNode = {
    type: "doc",
    content: Array.from({ length: PARAGRAPHS }, (_, index) => ({
      type: "paragraph",
      content: [{ type: "text", text: `Paragraph ${index + 1}.` }],
    })),
  };
  const fields = { title: "The longest article", sourceUrl: null, outlet: null, author: null, publishedAt: null };
  return db.$transaction(
    (tx) => insertArticle(tx, timeOrderedId(), { ...fields, doc, text: articleText(doc) }, SEED_ADMIN),
    { timeout: 120_000, maxWait: 120_000 },
  );
}

const longArticle = await storeLongArticle();
await buildClaim(db, longArticle, "Paragraph 99999.", { verdict: "contradicted", speaker: "A Speaker" });

const reportUrl = (article: Pick<Article, "id">, format: string) =>
  `/api/articles/${article.id}/report?format=${format}`;

/** A report request's answer, its body, the body's digest (comparing megabytes element by element is slow), its time. */
async function timed(url: string, as = request) {
  const started = performance.now();
  const response = await as("GET", url);
  const body = new Uint8Array(await response.arrayBuffer());
  const ms = performance.now() - started;
  return { response, body, digest: createHash("sha256").update(body).digest("hex"), ms };
}

describe("GET /api/articles/:id/report of a 100,000-paragraph article", () => {
  it("builds the PDF off the event loop: /healthz keeps answering at once until the PDF arrives", async () => {
    const started = performance.now();
    let pdfMs: number | undefined;
    const pdf = timed(reportUrl(longArticle, "pdf")).then((answer) => {
      pdfMs = performance.now() - started;
      return answer;
    });
    // The longest time between two health checks' answers, from the PDF request to the PDF's answer: how long the
    // server could not answer anyone.
    let longestGap = 0;
    let lastAnswerAt = started;
    let answeredBeforePdf = 0;
    while (pdfMs === undefined) {
      const health = await request("GET", "/healthz");
      expect(health.status).toBe(200);
      const now = performance.now();
      longestGap = Math.max(longestGap, now - lastAnswerAt);
      lastAnswerAt = now;
      if (pdfMs === undefined) answeredBeforePdf += 1;
      await sleep(20);
    }
    // From the last answer to the PDF's: the health check loop was waiting all that time too.
    longestGap = Math.max(longestGap, started + pdfMs - lastAnswerAt);
    const { response, body } = await pdf;
    expect(response.status).toBe(200);
    expect(new TextDecoder().decode(body.subarray(0, 5))).toBe("%PDF-");
    expect(answeredBeforePdf).toBeGreaterThanOrEqual(5);
    // Reading the article and handing it to the worker still take the event loop for a moment; rendering does not.
    expect(longestGap).toBeLessThan(pdfMs / 3);
  }, 180_000);

  it("answers a second identical request from memory: the same bytes, at once, and says so", async () => {
    const first = await timed(reportUrl(longArticle, "pdf&disposition=inline"));
    const second = await timed(reportUrl(longArticle, "pdf"));
    expect(first.response.headers.get("x-cache")).toBe("hit");
    expect(second.response.headers.get("x-cache")).toBe("hit");
    expect(second.digest).toBe(first.digest);
    const html = await timed(reportUrl(longArticle, "html"));
    const htmlAgain = await timed(reportUrl(longArticle, "html"));
    expect([html.response.headers.get("x-cache"), htmlAgain.response.headers.get("x-cache")]).toEqual(["miss", "hit"]);
    expect(htmlAgain.digest).toBe(html.digest);
    expect(htmlAgain.ms).toBeLessThan(html.ms);
  }, 120_000);
});

describe("kept reports", () => {
  it("builds once for identical requests that arrive together", async () => {
    const article = await buildArticle(db);
    const answers = await Promise.all([1, 2, 3].map(() => timed(reportUrl(article, "pdf"))));
    expect(answers.map((answer) => answer.response.headers.get("x-cache")).sort()).toEqual(["hit", "hit", "miss"]);
    expect(new Set(answers.map((answer) => answer.digest)).size).toBe(1);
  });

  it("are built again after a change to a claim, and the new report shows it", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "transferred dozens just this summer");
    const before = await timed(reportUrl(article, "html"));
    const pdfBefore = await timed(reportUrl(article, "pdf"));
    expect((await timed(reportUrl(article, "html"))).response.headers.get("x-cache")).toBe("hit");

    const patched = await request(
      "PATCH",
      `/api/claims/${claim.id}`,
      { verdict: "supported", rationale: "Shipping records from August confirm it." },
      { "If-Match": `"${claim.version}"` },
    );
    expect(patched.status).toBe(200);

    const after = await timed(reportUrl(article, "html"));
    expect(after.response.headers.get("x-cache")).toBe("miss");
    const html = new TextDecoder().decode(after.body);
    expect(html).toContain("Shipping records from August confirm it.");
    expect(new TextDecoder().decode(before.body)).not.toContain("Shipping records from August");
    const pdfAfter = await timed(reportUrl(article, "pdf"));
    expect(pdfAfter.response.headers.get("x-cache")).toBe("miss");
    expect(pdfAfter.digest).not.toBe(pdfBefore.digest);
  });

  it("are not answered for an article deleted since", async () => {
    const article = await buildArticle(db);
    expect((await timed(reportUrl(article, "md"))).response.status).toBe(200);
    const deleted = await request("DELETE", `/api/articles/${article.id}`, undefined, { "If-Match": '"1"' });
    expect(deleted.status).toBe(204);
    await expectApiError(await request("GET", reportUrl(article, "md")), 404, "NOT_FOUND");
  });

  it("are kept per organisation: another name builds another report", async () => {
    const article = await buildArticle(db);
    await timed(reportUrl(article, "md"));
    process.env.FACTMARK_ORGANISATION_NAME = "Another Desk";
    try {
      const other = await timed(reportUrl(article, "md"));
      expect(other.response.headers.get("x-cache")).toBe("miss");
      expect(new TextDecoder().decode(other.body)).toContain("Another Desk");
    } finally {
      delete process.env.FACTMARK_ORGANISATION_NAME;
    }
  });
});

describe("report limits", () => {
  it("stops a PDF over its time with a 422 that names the limit", async () => {
    const article = await buildArticle(db, { title: "Too slow to print" });
    process.env.REPORT_BUILD_TIME_MS = "1";
    try {
      const error = await expectApiError(await request("GET", reportUrl(article, "pdf")), 422, "UNPROCESSABLE");
      expect(error.message).toBe("Building the PDF took longer than 0.001 s and was stopped.");
      expect(error.details).toMatchObject({ limit: "time", limitMs: 1 });
    } finally {
      delete process.env.REPORT_BUILD_TIME_MS;
    }
    expect((await timed(reportUrl(article, "pdf"))).response.status).toBe(200);
  });

  it("answers 429 with Retry-After past the session's report builds; kept reports do not count", async () => {
    const limited = await createTestApp({ security: { reportLimit: { capacity: 2, perMinute: 2 } } });
    const article = await buildArticle(limited.db);
    const send = limited.as("viewer").request;
    expect((await timed(reportUrl(article, "html"), send)).response.status).toBe(200);
    expect((await timed(reportUrl(article, "md"), send)).response.status).toBe(200);
    const refused = await send("GET", reportUrl(article, "csv"));
    expect(refused.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    await expectApiError(refused, 429, "RATE_LIMITED");
    await expectApiError(await send("GET", `/api/articles/${article.id}/report/model`), 429, "RATE_LIMITED");
    // A report already built is answered without counting, and another session has its own allowance.
    const kept = await timed(reportUrl(article, "html"), send);
    expect([kept.response.status, kept.response.headers.get("x-cache")]).toEqual([200, "hit"]);
    expect((await timed(reportUrl(article, "csv"), limited.as("reviewer").request)).response.status).toBe(200);
  });
});
