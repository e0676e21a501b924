import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { type Article, type NativeReport, ZArticle } from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { reportContentDisposition } from "../report/reportFilename";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildEvidence } from "../test/buildEvidence";
import { buildLink } from "../test/buildLink";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { closeHeavyWork } from "../work/heavyWork";

const { db, request } = await createTestApp();
// The PDF, HTML and JSON are built on the worker pool; its threads end with the file.
afterAll(() => closeHeavyWork());

/** The sample's three speakers, marked, linked and sourced as a reviewer would. */
async function buildReviewedArticle(overrides: Parameters<typeof buildArticle>[1] = {}) {
  const article = await buildArticle(db, {
    sourceUrl: "https://www.example.com/iran-drones",
    outlet: "Example News",
    ...overrides,
  });
  const limited = await buildClaim(db, article, "a limited number of drones months before the Ukraine war", {
    verdict: "contradicted",
    speaker: "Hossein Amir-Abdollahian",
    rationale: "Officials documented deliveries after the invasion.\n\nSee the evidence below.",
  });
  const dozens = await buildClaim(db, article, "transferred dozens just this summer", {
    verdict: "supported",
    speaker: "Robert Malley",
  });
  const unfounded = await buildClaim(db, article, "totally unfounded", { speaker: "Amir Saeid Iravani" });
  await buildLink(db, limited, dozens, "contradicts", "Months before the war, or this summer?");
  await buildLink(db, dozens, unfounded, "contradicts");
  await buildEvidence(db, limited);
  await buildEvidence(db, dozens, {
    url: "https://www.state.gov/briefing",
    title: null,
    excerpt: null,
    stance: "supports",
  });
  return { article, claims: { limited, dozens, unfounded } };
}

const reviewed = await buildReviewedArticle();
const reportUrl = (format: string, article: Pick<Article, "id"> = reviewed.article) =>
  `/api/articles/${article.id}/report?format=${format}`;

describe("GET /api/articles/:id/report", () => {
  const expected = [
    ["html", "text/html; charset=utf-8", "fact-check-iran-and-the-drones.html"],
    ["md", "text/markdown; charset=utf-8", "fact-check-iran-and-the-drones.md"],
    ["pdf", "application/pdf", "fact-check-iran-and-the-drones.pdf"],
    ["json", "application/json", "fact-check-iran-and-the-drones.json"],
    [
      "w3c",
      'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
      "fact-check-iran-and-the-drones.w3c.jsonld",
    ],
    ["claimreview", "application/ld+json", "fact-check-iran-and-the-drones.claimreview.jsonld"],
    ["csv", "text/csv; charset=utf-8; header=present", "fact-check-iran-and-the-drones.csv"],
  ] as const;

  for (const [format, contentType, filename] of expected) {
    it(`answers ${format} as ${contentType}, to download`, async () => {
      const response = await request("GET", reportUrl(format));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(contentType);
      const disposition = response.headers.get("content-disposition") ?? "";
      expect(disposition.startsWith(`attachment; filename="${filename}"`)).toBe(true);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(200);
    });
  }

  it("sends a kept report's gzip again as the same bytes, which gunzip to the file; a client without gzip gets the file", async () => {
    const first = await request("GET", reportUrl("json"), undefined, { "Accept-Encoding": "gzip" });
    expect(first.status).toBe(200);
    expect(first.headers.get("content-encoding")).toBe("gzip");
    expect(first.headers.get("vary")).toMatch(/accept-encoding/i);
    const firstBytes = new Uint8Array(await first.arrayBuffer());
    const again = await request("GET", reportUrl("json"), undefined, { "Accept-Encoding": "gzip, deflate" });
    expect(again.headers.get("x-cache")).toBe("hit");
    expect(again.headers.get("content-encoding")).toBe("gzip");
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(firstBytes);
    const plain = await request("GET", reportUrl("json"));
    expect(plain.headers.get("content-encoding")).toBeNull();
    const file = new Uint8Array(await plain.arrayBuffer());
    expect(new Uint8Array(gunzipSync(firstBytes))).toEqual(file);
    expect((JSON.parse(new TextDecoder().decode(file)) as NativeReport).claims).toHaveLength(3);
    // A client that refuses gzip (q=0) gets the file too; a PDF is never gzipped.
    const refused = await request("GET", reportUrl("json"), undefined, { "Accept-Encoding": "gzip;q=0" });
    expect(refused.headers.get("content-encoding")).toBeNull();
    const pdf = await request("GET", reportUrl("pdf"), undefined, { "Accept-Encoding": "gzip" });
    expect(pdf.headers.get("content-encoding")).toBeNull();
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });

  it("answers HTML when no format is named", async () => {
    const response = await request("GET", `/api/articles/${reviewed.article.id}/report`);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("answers inline for the preview, and lets only the app's own pages frame the HTML", async () => {
    const response = await request("GET", `${reportUrl("html")}&disposition=inline`);
    expect(response.headers.get("content-disposition")).toMatch(
      /^inline; filename="fact-check-iran-and-the-drones\.html"/,
    );
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain("script-src");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    // Every other answer keeps the app's policy.
    const markdown = await request("GET", `${reportUrl("md")}&disposition=inline`);
    expect(markdown.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("builds the HTML report from the article's claims, links and evidence", async () => {
    const html = await (await request("GET", reportUrl("html"))).text();
    expect(html).toContain('<h1 dir="auto">Iran and the drones</h1>');
    expect(html).toContain("Hossein Amir-Abdollahian");
    expect(html).toContain("3 claims checked: 1 supported, 1 contradicted, 1 unverified.");
    expect(html).toContain("Months before the war, or this summer?");
    expect(html).toContain("https://www.reuters.com/world/iran-drones");
    expect(html).toContain("Fact-check by Factmark");
  });

  it("escapes a rationale that holds a script", async () => {
    const article = await buildArticle(db);
    await buildClaim(db, article, "totally unfounded", {
      rationale: '<script>alert("x")</script><img src=x onerror=alert(1)>',
    });
    const html = await (await request("GET", reportUrl("html", article))).text();
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("neutralises spreadsheet formulas in the CSV", async () => {
    const article = await buildArticle(db);
    await buildClaim(db, article, "totally unfounded", {
      speaker: '=HYPERLINK("http://evil.example","x")',
      rationale: "+SUM(1,2)",
    });
    await buildClaim(db, article, "Robert Malley", { speaker: "@cmd", rationale: "-2+3" });
    const bytes = Buffer.from(await (await request("GET", reportUrl("csv", article))).arrayBuffer());
    // A byte-order mark first, so that Excel reads UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString("utf8");
    expect(csv.startsWith("number,claim_id,verdict,quote,speaker,rationale")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain("'+SUM(1,2)");
    expect(csv).toContain(",'@cmd,'-2+3,");
    for (const line of csv.split("\r\n").slice(1)) {
      for (const cell of line.split(",")) expect(cell).not.toMatch(/^"?[=+\-@\t\r]/);
    }
  });

  it("answers a PDF that a PDF reader can render", async () => {
    const response = await request("GET", reportUrl("pdf"));
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-8).toString("latin1")).toContain("%%EOF");
    if (!existsSync("/usr/bin/pdftoppm")) return;
    const dir = mkdtempSync(path.join(tmpdir(), "factmark-pdf-"));
    writeFileSync(path.join(dir, "report.pdf"), pdf);
    execFileSync("/usr/bin/pdftoppm", ["-png", "-r", "40", "-f", "1", "-l", "1", "report.pdf", "page"], { cwd: dir });
    expect(existsSync(path.join(dir, "page-1.png"))).toBe(true);
    if (existsSync("/usr/bin/pdftotext")) {
      const text = execFileSync("/usr/bin/pdftotext", ["report.pdf", "-"], { cwd: dir, encoding: "utf8" });
      expect(text).toContain("Iran and the drones");
      expect(text).toContain("Hossein Amir-Abdollahian");
      expect(text).toMatch(/Page 1 of \d+/);
    }
  });

  it("takes the organisation from the environment", async () => {
    process.env.FACTMARK_ORGANISATION_NAME = "Desk Check";
    process.env.FACTMARK_ORGANISATION_URL = "https://check.example.org";
    try {
      const reviews = (await (await request("GET", reportUrl("claimreview"))).json()) as {
        author: { name: string; url: string };
        url: string;
      }[];
      expect(reviews).toHaveLength(2);
      expect(reviews[0]?.author).toMatchObject({ name: "Desk Check", url: "https://check.example.org" });
      expect(
        reviews[0]?.url.startsWith(`https://check.example.org/articles/${reviewed.article.id}/report#claim-`),
      ).toBe(true);
    } finally {
      delete process.env.FACTMARK_ORGANISATION_NAME;
      delete process.env.FACTMARK_ORGANISATION_URL;
    }
  });

  describe("file names", () => {
    it("keeps only safe characters of a hostile title", async () => {
      const title = 'He said "no" / ../../etc/passwd\r\nSet-Cookie: x=1; \\ Ирано-российские дроны ✈️ Café';
      const created = await request("POST", "/api/articles", { title, format: "text", content: "Some text." });
      expect(created.status).toBe(201);
      const article = ZArticle.parse(await created.json());
      const response = await request("GET", reportUrl("md", article));
      expect(response.status).toBe(200);
      const disposition = response.headers.get("content-disposition") ?? "";
      const filename = /filename="([^"]*)"/.exec(disposition)?.[1] ?? "";
      expect(filename).toMatch(/^[A-Za-z0-9-]+\.md$/);
      expect(filename).toBe("fact-check-he-said-no-etc-passwd-set-cookie-x-1-cafe.md");
      expect(disposition).not.toMatch(/[\r\n]/);
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(disposition).toBe(`attachment; filename="${filename}"`);
    });

    it("caps the name at 80 characters and never leaves it empty", () => {
      const long = reportContentDisposition("a".repeat(300), "pdf");
      expect(/filename="fact-check-(a+)\.pdf"/.exec(long)?.[1]).toHaveLength(80);
      expect(reportContentDisposition("🛩️ ایران", "csv")).toMatch(/^attachment; filename="fact-check-report\.csv"/);
    });
  });

  it("refuses an unknown format, naming the ones it knows", async () => {
    const response = await request("GET", reportUrl("docx"));
    const error = await expectApiError(response, 400, "VALIDATION_FAILED");
    expect(error.message).toContain("html, md, pdf, json, w3c, claimreview, csv");
  });

  it("answers 404 for an article that is not there", async () => {
    await expectApiError(await request("GET", reportUrl("html", { id: "no-such-article" })), 404, "NOT_FOUND");
    await expectApiError(await request("GET", "/api/articles/no-such-article/report/model"), 404, "NOT_FOUND");
  });

  it("answers 404 for a deleted article", async () => {
    const article = await buildArticle(db);
    expect((await request("DELETE", `/api/articles/${article.id}`)).status).toBe(204);
    await expectApiError(await request("GET", reportUrl("pdf", article)), 404, "NOT_FOUND");
  });

  it("leaves out deleted claims and their links", async () => {
    const { article, claims } = await buildReviewedArticle();
    expect((await request("DELETE", `/api/claims/${claims.unfounded.id}`)).status).toBe(200);
    const report = (await (await request("GET", reportUrl("json", article))).json()) as NativeReport;
    expect(report.claims.map((claim) => claim.id)).toEqual([claims.limited.id, claims.dozens.id]);
    expect(report.links).toHaveLength(1);
    expect(report.events.every((event) => event.claimId !== claims.unfounded.id)).toBe(true);
  });
});

describe("GET /api/articles/:id/report/model", () => {
  it("answers the model the report page renders, with the working history when asked", async () => {
    const response = await request("GET", `/api/articles/${reviewed.article.id}/report/model?history=include`);
    expect(response.status).toBe(200);
    const model = await response.json();
    expect(model).toMatchObject({
      header: {
        title: "Iran and the drones",
        outlet: "Example News",
        reviewers: ["Local reviewer"],
        organisation: { name: "Factmark", url: "http://localhost" },
      },
      counts: { contradicted: 1, supported: 1, unverified: 1 },
      claimCount: 3,
      orphanCount: 0,
      contradictions: [
        { left: { number: 1, speaker: "Hossein Amir-Abdollahian" }, right: { number: 2, speaker: "Robert Malley" } },
        { left: { number: 2 }, right: { number: 3 } },
      ],
    });
    expect(model.claims[0]).toMatchObject({
      number: 1,
      verdictLabel: "Contradicted",
      evidence: [{ stanceLabel: expect.any(String) }],
    });
    expect(model.claims[0].history.map((entry: { action: string }) => entry.action)).toEqual([
      "claim.created",
      "link.added",
      "evidence.added",
    ]);
    expect(model.events.length).toBeGreaterThan(0);
  });

  it("leaves the working history out by default, as the public exports do", async () => {
    const response = await request("GET", `/api/articles/${reviewed.article.id}/report/model`);
    const model = await response.json();
    expect(model.events).toEqual([]);
    expect(model.claims.map((claim: { history: unknown[] }) => claim.history)).toEqual([[], [], []]);
    expect(model.claimCount).toBe(3);
  });

  it("refuses an unknown history option", async () => {
    const response = await request("GET", `/api/articles/${reviewed.article.id}/report/model?history=all`);
    const error = await expectApiError(response, 400, "VALIDATION_FAILED");
    expect(error.message).toContain("history must be one of: omit, include.");
  });
});

describe("the desk's working history in exports", () => {
  /** Words only the history uses: each claim of the reviewed article was marked, linked and sourced. */
  const HISTORY_WORDS = /marked the claim|linked it as|added evidence|History|HISTORY/;

  async function exported(format: string, query = ""): Promise<string> {
    const response = await request("GET", `${reportUrl(format)}${query}`);
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    if (format !== "pdf") return body.toString("utf8");
    if (!existsSync("/usr/bin/pdftotext")) return "";
    const dir = mkdtempSync(path.join(tmpdir(), "factmark-pdf-"));
    writeFileSync(path.join(dir, "report.pdf"), body);
    return execFileSync("/usr/bin/pdftotext", ["report.pdf", "-"], { cwd: dir, encoding: "utf8" });
  }

  for (const format of ["html", "md", "pdf", "claimreview", "csv", "w3c"]) {
    it(`is not in the ${format} export by default`, async () => {
      expect(await exported(format)).not.toMatch(HISTORY_WORDS);
    });
  }

  for (const format of ["html", "md", "pdf"]) {
    it(`is in the ${format} export with history=include`, async () => {
      const report = await exported(format, "&history=include");
      if (format === "pdf" && report === "") return;
      expect(report).toMatch(/History|HISTORY/);
      expect(report).toContain("Local reviewer marked the claim as Unverified");
    });
  }

  it("is always whole in the native JSON, the re-importable desk export", async () => {
    for (const query of ["", "&history=omit", "&history=include"]) {
      const report = JSON.parse(await exported("json", query)) as NativeReport;
      expect(report.events.map((event) => event.action)).toContain("claim.created");
    }
  });

  it("refuses an unknown history option, naming the ones it knows", async () => {
    const response = await request("GET", `${reportUrl("html")}&history=everything`);
    const error = await expectApiError(response, 400, "VALIDATION_FAILED");
    expect(error.message).toContain("history must be one of: omit, include.");
  });
});

describe("a report after an account is renamed", () => {
  it("names the reviewer by the new name at once, in every text format, though the old report was kept", async () => {
    const { article } = await buildReviewedArticle({ title: "Renamed reviewer's article" });
    const formats = ["html", "md", "json", "w3c", "csv"] as const;
    const url = (format: string) => `/api/articles/${article.id}/report?format=${format}&history=include`;
    for (const format of formats) {
      expect(await (await request("GET", url(format))).text()).toContain("Local reviewer");
      // Asked again unchanged: answered from the kept copy.
      expect((await request("GET", url(format))).headers.get("x-cache")).toBe("hit");
    }
    const users = (await (await request("GET", "/api/users")).json()) as {
      items: { id: string; name: string; version: number }[];
    };
    const reviewer = users.items.find((user) => user.name === "Local reviewer");
    if (!reviewer) throw new Error("The seed's reviewer is not listed.");
    const rename = (name: string, version: number) =>
      request("PATCH", `/api/users/${reviewer.id}`, { name }, { "If-Match": `"${version}"` });
    const renamed = await rename("Rita Fourth", reviewer.version);
    expect(renamed.status).toBe(200);
    try {
      for (const format of formats) {
        const text = await (await request("GET", url(format))).text();
        expect([format, text.includes("Rita Fourth"), text.includes("Local reviewer")]).toEqual([format, true, false]);
      }
    } finally {
      await rename("Local reviewer", ((await renamed.json()) as { version: number }).version);
    }
  });
});
