import { describe, expect, it } from "vitest";
import { readFixture } from "../testing/readFixture";
import { planAnnotationImport } from "./planAnnotationImport";
import { claimIdOfAnnotationId, claimIdsNamedByLinks, resolveImportedLinks } from "./resolveImportedLinks";

const EMOJI = readFixture("test-fixtures/annotations/emoji-article.txt");
const TEXT = "The minister said the drones were sold in spring. The envoy said they came this summer.";

const quote = (id: string, exact: string) => ({
  id,
  type: "Annotation",
  target: { source: "x", selector: { type: "TextQuoteSelector", exact } },
});
const link = (from: string, to: string, kind = "contradicts") => ({
  type: "Annotation",
  linkKind: kind,
  linkFrom: from,
  linkTo: to,
  target: [from, to],
});
const noLinks = { claimIdOfItem: new Map<number, string>(), articleClaimIds: new Set<string>(), liveLinks: [] };

describe("resolveImportedLinks", () => {
  it("links two anchored annotations of the document, in the link's direction", () => {
    const planned = planAnnotationImport(
      EMOJI,
      JSON.parse(readFixture("test-fixtures/annotations/factmark-export-code-points.json")),
    );
    const [item] = resolveImportedLinks(planned, {
      ...noLinks,
      claimIdOfItem: new Map([
        [0, "crime"],
        [1, "year"],
      ]),
    }).slice(2);
    expect(item).toMatchObject({
      outcome: "linked",
      reason: 'Linked as "supports", from the annotation at "first.items.1" to the annotation at "first.items.0".',
      link: { kind: "supports", ends: { fromClaimId: "year", toClaimId: "crime" } },
    });
  });

  it("takes the order of two targets for the direction when the link names none, and a tag for its kind", () => {
    const planned = planAnnotationImport(TEXT, [
      quote("urn:a", "the drones were sold in spring"),
      quote("urn:b", "they came this summer"),
      {
        type: "Annotation",
        motivation: "linking",
        body: [{ type: "TextualBody", purpose: "tagging", value: "contradicts" }],
        target: ["urn:b", "urn:a"],
      },
    ]);
    const [item] = resolveImportedLinks(planned, {
      ...noLinks,
      claimIdOfItem: new Map([
        [0, "a"],
        [1, "b"],
      ]),
    }).slice(2);
    expect(item?.link?.ends).toEqual({ fromClaimId: "b", toClaimId: "a" });
  });

  it("links claims the article has, named by their exported annotation id", () => {
    const planned = planAnnotationImport(TEXT, [
      link(
        "https://factmark.example/annotations/claims/c%201",
        "https://other.example/annotations/claims/c2",
        "supports",
      ),
    ]);
    expect(claimIdsNamedByLinks(planned)).toEqual(["c 1", "c2"]);
    const [item] = resolveImportedLinks(planned, { ...noLinks, articleClaimIds: new Set(["c 1", "c2"]) });
    expect(item).toMatchObject({ outcome: "linked", link: { ends: { fromClaimId: "c 1", toClaimId: "c2" } } });
  });

  it("skips a link the pair holds already, in either direction, or that the document gives twice", () => {
    const planned = planAnnotationImport(TEXT, [
      link("https://f.example/annotations/claims/a", "https://f.example/annotations/claims/b"),
      link("https://f.example/annotations/claims/b", "https://f.example/annotations/claims/a", "supports"),
      link("https://f.example/annotations/claims/a", "https://f.example/annotations/claims/b", "supports"),
    ]);
    const items = resolveImportedLinks(planned, {
      ...noLinks,
      articleClaimIds: new Set(["a", "b"]),
      liveLinks: [{ fromClaimId: "b", toClaimId: "a", kind: "contradicts" }],
    });
    expect(items.map((item) => [item.outcome, item.reason])).toEqual([
      ["skipped", 'These two claims are already linked as "contradicts": a pair holds one link of a kind.'],
      ["linked", 'Linked as "supports", from the article\'s claim "b" to the article\'s claim "a".'],
      ["skipped", 'These two claims are already linked as "supports": a pair holds one link of a kind.'],
    ]);
  });

  it("skips a link whose end is not a claim, saying which end and why", () => {
    const planned = planAnnotationImport(TEXT, [
      quote("urn:a", "the drones were sold in spring"),
      quote("urn:gone", "words that are not in the text at all"),
      { id: "urn:page", type: "Annotation", target: "https://news.example/page" },
      link("urn:a", "urn:gone"),
      link("urn:page", "urn:a"),
      link("urn:a", "https://f.example/annotations/claims/deleted"),
      link("urn:a", "urn:nowhere"),
      link("urn:a", "urn:a"),
    ]);
    const items = resolveImportedLinks(planned, { ...noLinks, claimIdOfItem: new Map([[0, "a"]]) });
    expect(items.slice(3).map((item) => [item.outcome, item.reason])).toEqual([
      [
        "skipped",
        'The annotation it links to ("urn:gone") was kept as an orphan, not anchored, so there is no claim to link.',
      ],
      ["skipped", 'The annotation it links from ("urn:page") was skipped, so there is no claim to link.'],
      ["skipped", 'It links to the claim "deleted", which this article does not have (or has deleted).'],
      [
        "skipped",
        'It links to "urn:nowhere", which is neither an annotation of this document nor a claim of this article.',
      ],
      ["skipped", "Both its ends are the same claim: a claim is not linked to itself."],
    ]);
  });

  it("leaves a link Factmark cannot keep skipped with what is wrong, and other items as they were", () => {
    const planned = planAnnotationImport(TEXT, [
      quote("urn:a", "the drones were sold in spring"),
      { type: "Annotation", motivation: "linking", target: ["urn:a", "urn:a"] },
    ]);
    expect(planned[1]).toMatchObject({ outcome: "skipped", reason: expect.stringMatching(/A link needs a kind/) });
    expect(planned[1]?.link).toBeUndefined();
    expect(resolveImportedLinks(planned, noLinks)).toEqual(planned);
  });
});

describe("claimIdOfAnnotationId", () => {
  it("reads the claim id of Factmark's annotation ids, and nothing else", () => {
    expect(claimIdOfAnnotationId("https://factmark.example/annotations/claims/01a2")).toBe("01a2");
    expect(claimIdOfAnnotationId("https://factmark.example/annotations/links/01a2")).toBeNull();
    expect(claimIdOfAnnotationId("https://factmark.example/annotations/claims/")).toBeNull();
    expect(claimIdOfAnnotationId("urn:uuid:1")).toBeNull();
    expect(claimIdOfAnnotationId("https://f.example/annotations/claims/%E0%A4%A")).toBeNull();
  });
});
