import { describe, expect, it } from "vitest";
import { readAnnotationDocument } from "./readAnnotationDocument";

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
