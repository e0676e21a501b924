import { describe, expect, it } from "vitest";
import { readForeignAnnotation } from "./readForeignAnnotation";

const target = { selector: { type: "TextQuoteSelector", exact: "crime fell" } };

describe("readForeignAnnotation", () => {
  it("lets Factmark's own verdict win over what the tags say, keeping the other tags", () => {
    expect(
      readForeignAnnotation({ type: "Annotation", verdict: "supported", tags: ["False", "satire"], target }),
    ).toMatchObject({ kind: "claim", verdict: "supported", rationale: "Tags: satire" });
  });

  it("reads Factmark's terms with the fm: prefix a JSON-LD processor compacts them to", () => {
    expect(
      readForeignAnnotation({ type: "Annotation", "fm:verdict": "contradicted", "fm:speaker": "Ana", target }),
    ).toMatchObject({ kind: "claim", verdict: "contradicted", speaker: "Ana" });
    expect(
      readForeignAnnotation({
        type: "Annotation",
        motivation: "linking",
        "fm:linkKind": "supports",
        "fm:linkFrom": "urn:b",
        "fm:linkTo": "urn:a",
        target: ["urn:a", "urn:b"],
      }),
    ).toMatchObject({ kind: "link", fromId: "urn:b", toId: "urn:a", linkKind: "supports" });
  });

  it("leaves the verdict to a reviewer when the tags disagree, keeping both", () => {
    expect(readForeignAnnotation({ type: "Annotation", tags: ["True", "misleading"], target })).toMatchObject({
      verdict: "unverified",
      rationale: "Tags: True, misleading",
    });
  });

  it("names a Factmark verdict term it does not know as a problem", () => {
    const read = readForeignAnnotation({ type: "Annotation", verdict: "maybe", target });
    expect(read).toMatchObject({ kind: "claim", problems: [{ path: "verdict" }] });
  });

  it("skips what is not an annotation, saying so", () => {
    expect(readForeignAnnotation({ type: "Person", target })).toMatchObject({ kind: "skipped" });
    expect(readForeignAnnotation("text")).toMatchObject({ kind: "skipped" });
  });
});
