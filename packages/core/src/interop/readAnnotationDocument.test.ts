import { describe, expect, it } from "vitest";
import { isDeeperThan, MAX_ANNOTATION_DEPTH, readAnnotationDocument } from "./readAnnotationDocument";

const annotation = { type: "Annotation", target: "x" };

describe("readAnnotationDocument", () => {
  it("lists the annotations of every shape with their paths", () => {
    expect(readAnnotationDocument(annotation)).toEqual([{ path: "", annotation }]);
    expect(readAnnotationDocument([annotation]).map((entry) => entry.path)).toEqual(["0"]);
    expect(readAnnotationDocument({ rows: [annotation] }).map((entry) => entry.path)).toEqual(["rows.0"]);
    expect(readAnnotationDocument({ type: "AnnotationPage", items: [annotation] }).map((e) => e.path)).toEqual([
      "items.0",
    ]);
    expect(
      readAnnotationDocument({
        type: ["AnnotationCollection"],
        first: { items: [annotation], next: { items: [annotation], next: "https://example.org/3" } },
      }),
    ).toEqual([
      { path: "first.items.0", annotation },
      { path: "first.next.items.0", annotation },
      { path: "first.next.next", unreadPage: "https://example.org/3" },
    ]);
  });

  it("follows a long chain of embedded pages without deep recursion", () => {
    let page: Record<string, unknown> = { items: [annotation] };
    for (let i = 0; i < 5_000; i++) page = { items: [], next: page };
    expect(readAnnotationDocument({ type: "AnnotationCollection", first: page })).toHaveLength(1);
  });
});

describe("isDeeperThan and too deep annotations", () => {
  it("measures nesting with no recursion, stopping past the limit", () => {
    expect(isDeeperThan("x", 0)).toBe(false);
    expect(isDeeperThan({ a: [1] }, 2)).toBe(false);
    expect(isDeeperThan({ a: [{}] }, 2)).toBe(true);
    let deep: unknown = {};
    for (let i = 0; i < 500_000; i++) deep = { next: deep };
    expect(isDeeperThan(deep, MAX_ANNOTATION_DEPTH)).toBe(true);
  });

  it("lists an annotation nested past MAX_ANNOTATION_DEPTH as too deep, without the annotation, keeping the others", () => {
    let deep: unknown = { type: "TextQuoteSelector", exact: "x" };
    for (let i = 0; i < MAX_ANNOTATION_DEPTH; i++) deep = { refinedBy: deep };
    expect(readAnnotationDocument([annotation, { type: "Annotation", target: deep }])).toEqual([
      { path: "0", annotation },
      { path: "1", tooDeep: true },
    ]);
    expect(readAnnotationDocument({ type: "Annotation", target: deep })).toEqual([{ path: "", tooDeep: true }]);
  });
});
