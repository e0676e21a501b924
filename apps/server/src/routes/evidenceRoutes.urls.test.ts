import { ZArticle, ZEvidence } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildEvidence } from "../test/buildEvidence";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const { db, request } = await createTestApp();
const article = await buildArticle(db);

// Each typed URL and the form it is stored and answered in: WHATWG's serialisation, plus what RFC 3986 forbids.
const TYPED_URLS = [
  ["https://example.org/a]b", "https://example.org/a%5Db"],
  ["https://example.org/a report.pdf", "https://example.org/a%20report.pdf"],
  ["https://Example.ORG/x?q=[1]|{2}^`#a#b", "https://example.org/x?q=%5B1%5D%7C%7B2%7D%5E%60#a%23b"],
  ["https://example.org/100%", "https://example.org/100%25"],
  ["https://bücher.example/straße", "https://xn--bcher-kva.example/stra%C3%9Fe"],
] as const;

async function evidenceUrlOfNewClaim() {
  const claim = await buildClaim(db, article, "a limited number of drones");
  return { claim, evidenceUrl: `/api/claims/${claim.id}/evidence` };
}

describe("evidence URLs are stored as the URL parser serialises them", () => {
  for (const [typed, stored] of TYPED_URLS) {
    it(`stores ${typed} as ${stored} and answers it so`, async () => {
      const { claim, evidenceUrl } = await evidenceUrlOfNewClaim();
      const response = await request("POST", evidenceUrl, { url: typed, stance: "supports" });
      expect(response.status).toBe(201);
      const evidence = ZEvidence.parse(await response.json());
      expect(evidence.url).toBe(stored);
      expect((await db.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).url).toBe(stored);
      const read = ZEvidence.parse(await (await request("GET", `/api/evidence/${evidence.id}`)).json());
      expect(read.url).toBe(stored);
      const [event] = await db.event.findMany({ where: { claimId: claim.id, action: "evidence.added" } });
      expect(JSON.parse(event?.to ?? "null")).toMatchObject({ url: stored });
    });
  }

  it("stores a changed URL serialised too", async () => {
    const { claim } = await evidenceUrlOfNewClaim();
    const evidence = await buildEvidence(db, claim);
    const response = await request(
      "PATCH",
      `/api/evidence/${evidence.id}`,
      { url: "https://example.org/a]b" },
      { "If-Match": '"1"' },
    );
    expect(response.status).toBe(200);
    expect(ZEvidence.parse(await response.json()).url).toBe("https://example.org/a%5Db");
  });

  it("stores an article's source URL serialised", async () => {
    const response = await request("POST", "/api/articles", {
      title: "Drones",
      format: "text",
      content: "One paragraph.",
      sourceUrl: "https://example.org/news/a]b c",
    });
    expect(response.status).toBe(201);
    expect(ZArticle.parse(await response.json()).sourceUrl).toBe("https://example.org/news/a%5Db%20c");
  });

  for (const [name, url] of [
    ["a URL the parser refuses", "https://exa mple.org/"],
    ["a bad IPv6 host", "https://[::1/x"],
    ["a bad port", "https://example.org:99999/"],
    ["a URL with a user name and password", "https://user:pw@example.org/"],
    ["a URL with a user name", "https://user@example.org/report"],
  ] as const) {
    it(`still refuses ${name} with 400 and changes nothing`, async () => {
      const { evidenceUrl } = await evidenceUrlOfNewClaim();
      const response = await expectUnchanged(db, () => request("POST", evidenceUrl, { url, stance: "supports" }));
      const error = await expectApiError(response, 400, "VALIDATION_FAILED");
      expect(error.details).toMatchObject({ issues: [{ path: "url" }] });
    });
  }
});

describe("URLs with credentials", () => {
  it("refuses them in a changed evidence URL and an article's source URL with 400 naming the field", async () => {
    const { claim } = await evidenceUrlOfNewClaim();
    const evidence = await buildEvidence(db, claim);
    const patch = await expectUnchanged(db, () =>
      request("PATCH", `/api/evidence/${evidence.id}`, { url: "https://user:pw@example.org/" }, { "If-Match": '"1"' }),
    );
    const patchError = await expectApiError(patch, 400, "VALIDATION_FAILED");
    expect(patchError.details).toMatchObject({ issues: [{ path: "url" }] });
    expect(JSON.stringify(patchError)).toMatch(/user name or password/);
    const created = await expectUnchanged(db, () =>
      request("POST", "/api/articles", {
        title: "Drones",
        format: "text",
        content: "One paragraph.",
        sourceUrl: "https://editor:hunter2@example.org/news",
      }),
    );
    const createError = await expectApiError(created, 400, "VALIDATION_FAILED");
    expect(createError.details).toMatchObject({ issues: [{ path: "sourceUrl" }] });
  });

  it("leaves an old row's credentials out of the HTML, Markdown and W3C exports", async () => {
    const oldArticle = await buildArticle(db, { title: "Old credentials" });
    const claim = await buildClaim(db, oldArticle, "a limited number of drones");
    const evidence = await buildEvidence(db, claim);
    await db.evidence.update({ where: { id: evidence.id }, data: { url: "https://user:hunter2@example.org/old" } });
    await db.article.update({
      where: { id: oldArticle.id },
      data: { sourceUrl: "https://editor:s3cret@example.org/src" },
    });
    for (const format of ["html", "md", "w3c"]) {
      const body = await (await request("GET", `/api/articles/${oldArticle.id}/report?format=${format}`)).text();
      expect(body, format).toContain("https://example.org/old");
      expect(body, format).not.toMatch(/hunter2|s3cret/);
    }
  });
});

describe("reports escape URLs stored before they were serialised", () => {
  it("escapes an old row's ] and space in the HTML, Markdown and W3C exports", async () => {
    const oldArticle = await buildArticle(db, { title: "Old rows" });
    const claim = await buildClaim(db, oldArticle, "a limited number of drones");
    const evidence = await buildEvidence(db, claim);
    // A row written before URLs were normalised, as an older release stored it.
    await db.evidence.update({ where: { id: evidence.id }, data: { url: "https://example.org/old]row path" } });
    await db.article.update({ where: { id: oldArticle.id }, data: { sourceUrl: "https://example.org/src]x" } });
    const report = (format: string) => request("GET", `/api/articles/${oldArticle.id}/report?format=${format}`);

    const html = await (await report("html")).text();
    expect(html).toContain('href="https://example.org/old%5Drow%20path"');
    expect(html).not.toContain("old]row");
    const markdown = await (await report("md")).text();
    expect(markdown).toContain("(<https://example.org/old%5Drow%20path>)");
    expect(markdown).toContain("<https://example.org/src%5Dx>");
    const w3c = await (await report("w3c")).text();
    expect(w3c).toContain('"https://example.org/old%5Drow%20path"');
    expect(w3c).not.toContain("]row");
  });
});
