// @vitest-environment jsdom
/// <reference lib="dom" />
// The pages are read back with the browser's own HTML parser (jsdom), as a reader's browser would.
import { describe, expect, it } from "vitest";
import { buildReportModel } from "../report/buildReportModel";
import { escapeHtml } from "../report/escapeHtml";
import { isPublishableClaim } from "../schemas/workflow";
import { readGolden } from "../testing/readFixture";
import { sampleReportInput } from "../testing/sampleReport";
import { buildPublicArticlePage } from "./buildPublicArticlePage";
import { buildPublicClaimPage } from "./buildPublicClaimPage";
import { buildPublishedClaimReview } from "./buildPublishedClaimReview";
import { type PublicPageState, type PublishedFactCheck, ZPublishedFactCheck } from "./PublishedFactCheck";
import { PUBLIC_PAGE_CSS, PUBLIC_PAGE_CSS_PATH } from "./publicPageStyles";
import { serializeJsonLdForHtml } from "./serializeJsonLdForHtml";

const SLUG = "iran-admits-supplying-russia-with-drones";
const LATEST: PublicPageState = { retraction: null, latestVersion: 2 };
const HOSTILE = "</script><script>alert(1)</script>\u2028<!-- & \u2029";

/**
 * The sample article as published: version 1, or version 2 correcting it (the state's latest by default). The
 * conclusion's summary and a rationale carry lists and links; `change` edits the input first.
 */
function samplePublication(
  version: 1 | 2 = 2,
  change: (input: ReturnType<typeof sampleReportInput>) => void = () => {},
): PublishedFactCheck {
  const input = sampleReportInput();
  const conclusion = {
    rating: "mostly-inaccurate" as const,
    summary:
      "Iran did supply drones, but *after* the war began.\n\n- First wreckage: September 2022.\n- See [the envoy's statement](https://evidence.example.org/us-envoy-statement).",
  };
  input.article = { ...input.article, conclusion };
  input.claims = input.claims.map((claim) =>
    claim.id === "clm_malley"
      ? { ...claim, rationale: `${claim.rationale}\n\nSources:\n- https://evidence.example.org/a\n- a count` }
      : claim,
  );
  change(input);
  input.claims = input.claims.filter(isPublishableClaim);
  return ZPublishedFactCheck.parse({
    schemaVersion: 1,
    slug: SLUG,
    version,
    publishedAt: version === 1 ? "2026-12-01T09:00:00.000Z" : "2026-12-02T10:30:00.000Z",
    firstPublishedAt: "2026-12-01T09:00:00.000Z",
    correctionNote: version === 1 ? null : "The conclusion now says when the transfers began.",
    earlierCorrections: [],
    conclusion,
    // Publishing asks for every published speaker's kind: here, a person unless the sample says otherwise.
    speakerKinds: Object.fromEntries(
      input.claims.flatMap((claim) =>
        claim.speaker ? [[claim.speaker, input.article.speakerKinds[claim.speaker] ?? "Person"]] : [],
      ),
    ),
    publicBaseUrl: "https://factcheck.example.org",
    model: buildReportModel(input),
  });
}

const published = samplePublication();
const articlePage = buildPublicArticlePage(published, LATEST);
const claimPage = buildPublicClaimPage(published, 1, LATEST) ?? "";

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, "text/html");
}

function jsonLdBlocks(html: string): unknown[] {
  return [...parse(html).querySelectorAll('script[type="application/ld+json"]')].map((script) =>
    JSON.parse(script.textContent ?? ""),
  );
}

/** What every public page must be: one document, its own stylesheet, landmarks, headings in order, sensible links. */
function expectAccessiblePublicPage(html: string): Document {
  const page = parse(html);
  expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
  expect(page.title.length).toBeGreaterThan(10);
  expect(page.querySelector('meta[name="description"]')?.getAttribute("content")?.length).toBeGreaterThan(20);
  expect([...page.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute("href"))).toEqual([
    PUBLIC_PAGE_CSS_PATH,
  ]);
  // The strict CSP holds: no inline style, no script but the JSON-LD data block, no event handler.
  expect(page.querySelectorAll("style, [style]")).toHaveLength(0);
  expect(page.querySelectorAll('script:not([type="application/ld+json"])')).toHaveLength(0);
  expect(html).not.toMatch(/\son[a-z]+=|javascript:/i);
  expect(page.querySelectorAll("body > header, body > main, body > footer")).toHaveLength(3);
  expect(page.querySelectorAll("h1")).toHaveLength(1);
  const levels = [...page.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((heading) => Number(heading.tagName[1]));
  levels.forEach((level, index) => {
    if (index > 0) expect(level).toBeLessThanOrEqual((levels[index - 1] ?? 1) + 1);
  });
  for (const link of page.querySelectorAll("a")) {
    expect(link.textContent?.trim().length, link.outerHTML).toBeGreaterThan(2);
    expect(link.getAttribute("href")).toMatch(/^(https?:\/\/|\/|#)/);
  }
  // Nothing of the desk: no working history, no internal ids.
  expect(html).not.toMatch(/marked the claim|changed the verdict|attributed the claim|History/);
  expect(html).not.toMatch(/clm_|art_|evt_|evd_|lnk_|rev_/);
  return page;
}

describe("buildPublicArticlePage", () => {
  it("matches the reviewed golden file for the sample article", () => {
    const golden = readGolden("sample-public-article.html", articlePage);
    expect(articlePage).toBe(golden.expected);
  });

  it("is an accessible page of its own, with no working history and no data block", () => {
    const page = expectAccessiblePublicPage(articlePage);
    expect(page.title).toBe(
      "Fact-check: Iran admits supplying Russia with drones after having said it had not | Factmark Sample Desk",
    );
    expect(jsonLdBlocks(articlePage)).toEqual([]);
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
      `https://factcheck.example.org/fact-checks/${SLUG}`,
    );
  });

  it("puts the conclusion, rating and summary, at the top, its lists and links rendered", () => {
    const page = parse(articlePage);
    const headings = [...page.querySelectorAll("h2")].map((heading) => heading.textContent);
    expect(headings).toEqual(["Our conclusion", "Corrections", "The article we checked", "The claims we checked"]);
    const conclusion = page.querySelector(".conclusion");
    expect(conclusion?.querySelector(".badge")?.textContent).toBe("Mostly inaccurate");
    expect(conclusion?.querySelector("em")?.textContent).toBe("after");
    expect([...(conclusion?.querySelectorAll("ul li") ?? [])].map((item) => item.textContent)).toEqual([
      "First wreckage: September 2022.",
      "See the envoy's statement.",
    ]);
    expect(conclusion?.querySelector("a")?.getAttribute("href")).toBe(
      "https://evidence.example.org/us-envoy-statement",
    );
  });

  it("lists each published claim with its speaker and verdict, linking to its page", () => {
    const items = [...parse(articlePage).querySelectorAll(".claims > li")];
    expect(
      items.map((item) => [
        item.querySelector("a")?.getAttribute("href"),
        item.querySelector(".speaker")?.textContent,
        item.querySelector(".badge")?.textContent,
      ]),
    ).toEqual([
      [`/fact-checks/${SLUG}/claims/1`, "Speaker: Hossein Amir-Abdollahian", "Contradicted"],
      [`/fact-checks/${SLUG}/claims/2`, "Speaker: Robert Malley", "Supported"],
      [`/fact-checks/${SLUG}/claims/3`, "Speaker: Amir Saeid Iravani", "Contradicted"],
    ]);
    expect(items[0]?.querySelector("a")?.textContent).toBe("“limited number of drones months before the Ukraine war”");
  });

  it("shows this version's correction and the earlier ones, newest first, with their dates", () => {
    const third = {
      ...published,
      version: 3,
      publishedAt: "2026-12-05T08:00:00.000Z",
      correctionNote: "Claim 2's evidence has a better source.",
      earlierCorrections: [{ version: 2, publishedAt: published.publishedAt, note: published.correctionNote ?? "" }],
    };
    const corrections = [
      ...parse(buildPublicArticlePage(third, { ...LATEST, latestVersion: 3 })).querySelectorAll(".corrections li"),
    ].map((item) => item.textContent);
    expect(corrections).toEqual([
      "Correction, 5 December 2026: Claim 2's evidence has a better source.",
      "Correction, 2 December 2026: The conclusion now says when the transfers began.",
    ]);
    expect(parse(buildPublicArticlePage(samplePublication(1), LATEST)).querySelector(".corrections")).toBeNull();
    expect(parse(articlePage).querySelector(".byline")?.textContent).toBe(
      "Fact-check by Factmark Sample Desk · Published 1 December 2026 · Updated 2 December 2026 (version 2)",
    );
  });

  it("says when it was retracted, first, instead of disappearing", () => {
    const retracted = buildPublicArticlePage(published, {
      ...LATEST,
      retraction: { at: "2026-12-03T12:00:00.000Z", note: "The source article was withdrawn." },
    });
    const page = expectAccessiblePublicPage(retracted);
    expect(page.querySelector("article > .notice-retracted")?.textContent).toBe(
      "Retracted on 3 December 2026: The source article was withdrawn.",
    );
    expect(page.querySelector("h1")?.textContent).toBe(published.model.header.title);
  });

  it("says an older version is not the latest, links to it, and keeps the reader in that version", () => {
    const old = buildPublicArticlePage(samplePublication(1), LATEST);
    const page = expectAccessiblePublicPage(old);
    const notice = page.querySelector("article > .notice");
    expect(notice?.textContent).toBe(
      "This is version 1 of this fact-check, published on 1 December 2026. It has been corrected since: read the latest version.",
    );
    expect(notice?.querySelector("a")?.getAttribute("href")).toBe(`/fact-checks/${SLUG}`);
    expect(page.querySelector(".claims a")?.getAttribute("href")).toBe(`/fact-checks/${SLUG}/claims/1?version=1`);
    expect(page.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
      `https://factcheck.example.org/fact-checks/${SLUG}`,
    );
    expect(parse(articlePage).querySelector('meta[name="robots"]')).toBeNull();
  });

  it("links under the public address's own path", () => {
    const underPath = buildPublicArticlePage({ ...published, publicBaseUrl: "https://example.org/desk/" }, LATEST);
    expect(parse(underPath).querySelector(".claims a")?.getAttribute("href")).toBe(
      `/desk/fact-checks/${SLUG}/claims/1`,
    );
  });
});

describe("buildPublicClaimPage", () => {
  it("matches the reviewed golden file for the sample's first claim", () => {
    const golden = readGolden("sample-public-claim-1.html", claimPage);
    expect(claimPage).toBe(golden.expected);
  });

  it("is an accessible page with the quote, speaker, verdict, rationale, evidence, related claims and the way back", () => {
    const page = expectAccessiblePublicPage(claimPage);
    expect(page.querySelector("h1")?.textContent).toBe("“limited number of drones months before the Ukraine war”");
    expect(page.querySelector("header .speaker")?.textContent).toBe("Speaker: Hossein Amir-Abdollahian");
    expect(page.querySelector("header .badge")?.textContent).toBe("Contradicted");
    expect([...page.querySelectorAll("h2")].map((heading) => heading.textContent)).toEqual([
      "Why we rated it so",
      "Evidence",
      "Related claims",
      "Where the claim appeared",
    ]);
    expect(page.querySelector(".evidence a")?.getAttribute("href")).toBe(
      "https://evidence.example.org/shahed-first-sightings-ukraine",
    );
    expect(page.querySelector(".related li")?.textContent).toBe(
      "Contradicts Claim 2, “transferred dozens [of drones to Russia] just this summer”: Months before the war, or dozens this summer?",
    );
    expect(page.querySelector(".related a")?.getAttribute("href")).toBe(`/fact-checks/${SLUG}/claims/2`);
    expect(page.querySelector("nav.back a")?.getAttribute("href")).toBe(`/fact-checks/${SLUG}`);
  });

  it("renders the rationale's lists and links as lists and links", () => {
    const page = parse(buildPublicClaimPage(published, 2, LATEST) ?? "");
    const list = page.querySelector('section[aria-labelledby="rationale-heading"] ul');
    expect([...(list?.querySelectorAll("li") ?? [])].map((item) => item.textContent)).toEqual([
      "https://evidence.example.org/a",
      "a count",
    ]);
    expect(list?.querySelector("a")?.getAttribute("href")).toBe("https://evidence.example.org/a");
  });

  it("embeds exactly one ClaimReview, this claim's", () => {
    expect(jsonLdBlocks(claimPage)).toEqual([buildPublishedClaimReview(published, 1)]);
    for (const number of [2, 3]) {
      expect(jsonLdBlocks(buildPublicClaimPage(published, number, LATEST) ?? "")).toEqual([
        buildPublishedClaimReview(published, number),
      ]);
    }
  });

  it("embeds none on an older version's page or a retracted fact-check's, and says why", () => {
    const old = buildPublicClaimPage(samplePublication(1), 1, LATEST) ?? "";
    expect(jsonLdBlocks(old)).toEqual([]);
    expect(parse(old).querySelector("nav.back a")?.getAttribute("href")).toBe(`/fact-checks/${SLUG}?version=1`);
    expect(parse(old).querySelector(".notice a")?.getAttribute("href")).toBe(`/fact-checks/${SLUG}/claims/1`);
    const retracted =
      buildPublicClaimPage(published, 1, {
        ...LATEST,
        retraction: { at: "2026-12-03T12:00:00.000Z", note: "Withdrawn." },
      }) ?? "";
    expect(jsonLdBlocks(retracted)).toEqual([]);
    expect(parse(retracted).querySelector(".notice-retracted")?.textContent).toBe(
      "Retracted on 3 December 2026: Withdrawn.",
    );
  });

  it("finds a claim by its number when numbers have gaps, and says nothing untrue of the count", () => {
    const gapped: PublishedFactCheck = {
      ...published,
      model: {
        ...published.model,
        claims: published.model.claims.map((claim, index) => ({ ...claim, number: index === 0 ? 5 : claim.number })),
      },
    };
    const first = gapped.model.claims[0];
    const page = buildPublicClaimPage(gapped, 5, LATEST) ?? "";
    expect(page).toContain(`Claim 5 · Fact-check · ${gapped.model.claims.length} claims checked`);
    expect(page).not.toMatch(/Claim \d+ of \d/);
    expect(page).toContain(escapeHtml(first?.selectors.quote.exact.replace(/\s+/g, " ").trim() ?? "?"));
    expect(buildPublicClaimPage(gapped, 1, LATEST)).toBeNull();
    expect(buildPublicArticlePage(gapped, LATEST)).toContain(`/fact-checks/${SLUG}/claims/5`);
  });

  it("answers null for a claim the version does not have", () => {
    expect(buildPublicClaimPage(published, 0, LATEST)).toBeNull();
    expect(buildPublicClaimPage(published, 4, LATEST)).toBeNull();
  });

  it("keeps a hostile quote, speaker and rationale inside the data block: one script, parsed back unchanged", () => {
    const hostile = samplePublication(2, (input) => {
      input.claims = input.claims.map((claim) =>
        claim.id === "clm_amir_abdollahian"
          ? {
              ...claim,
              speaker: `Speaker ${HOSTILE}`,
              rationale: `Rationale ${HOSTILE}\n\n- [the source](https://e.example/</script>)`,
              selectors: { ...claim.selectors, quote: { ...claim.selectors.quote, exact: `Quote ${HOSTILE}` } },
            }
          : claim,
      );
    });
    const html = buildPublicClaimPage(hostile, 1, LATEST) ?? "";
    const page = parse(html);
    expect(page.querySelectorAll("script")).toHaveLength(1);
    const [review] = jsonLdBlocks(html);
    expect(review).toEqual(buildPublishedClaimReview(hostile, 1));
    expect(review).toMatchObject({
      claimReviewed: `Quote ${HOSTILE.replace(/\s+/g, " ").trim()}`,
      itemReviewed: { author: { name: `Speaker ${HOSTILE}` } },
    });
    expect((review as { reviewBody: string }).reviewBody).toBe(
      "Rationale </script><script>alert(1)</script>\u2028<!-- &\n\n- the source (https://e.example/</script>)",
    );
    // The visible text is text, too.
    expect(page.querySelector("h1")?.textContent).toContain("</script><script>alert(1)</script>");
    expect(html.match(/<script/g)).toHaveLength(1);
    expectAccessiblePublicPage(html);
    expect(buildPublicArticlePage(hostile, LATEST).match(/<script/g)).toBeNull();
  });
});

describe("serializeJsonLdForHtml", () => {
  it("writes <, >, & and the line and paragraph separators as \\u escapes that JSON reads back", () => {
    const value = { text: HOSTILE, list: ["<b>", "&amp;"] };
    const serialised = serializeJsonLdForHtml(value);
    expect(serialised).not.toMatch(/[<>&\u2028\u2029]/);
    expect(serialised).toContain("\\u003c/script\\u003e\\u003cscript\\u003e");
    expect(serialised).toContain("\\u2028");
    expect(JSON.parse(serialised)).toEqual(value);
  });
});

describe("PUBLIC_PAGE_CSS", () => {
  it("styles every verdict and rating badge the pages use, and no external resource", () => {
    for (const className of [".badge.v-contradicted", ".badge.v-supported", ".badge.r-mostly-inaccurate", ".notice"]) {
      expect(PUBLIC_PAGE_CSS).toContain(className);
    }
    expect(PUBLIC_PAGE_CSS).not.toMatch(/@import|url\(/);
  });
});
