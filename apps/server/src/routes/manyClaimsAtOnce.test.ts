import type { Article } from "@factmark/core";
import { afterAll, describe, expect, it } from "vitest";
import { createTestApp } from "../test/createTestApp";
import { closeHeavyWork } from "../work/heavyWork";

// SQLite binds at most 999 values in one statement: every write or read that names claims by id must stay under it,
// however many claims one change touches.
const { request } = await createTestApp();
afterAll(() => closeHeavyWork());

/** One more than the 999 values SQLite binds in a statement. */
const CLAIMS = 1_000;

/** A W3C annotation collection of CLAIMS claims, one a sentence, all said by the same minister. */
function collection() {
  const sentences: string[] = [];
  const items: unknown[] = [];
  let position = 0;
  for (let n = 0; n < CLAIMS; n += 1) {
    const sentence = `In ward ${n} the rate rose by ${n % 89} percent.`;
    sentences.push(sentence);
    items.push({
      type: "Annotation",
      motivation: "assessing",
      body: [
        { type: "TextualBody", purpose: "tagging", value: "contradicted" },
        { type: "TextualBody", purpose: "commenting", value: `Ward ${n}'s own figures differ.` },
      ],
      target: {
        type: "SpecificResource",
        selector: [{ type: "TextPositionSelector", start: position, end: position + sentence.length }],
      },
    });
    position += sentence.length + 1;
  }
  return {
    "@context": ["http://www.w3.org/ns/anno.jsonld"],
    type: "AnnotationCollection",
    label: "Many wards",
    total: CLAIMS,
    "schema:about": {
      type: "schema:NewsArticle",
      "schema:headline": "Many wards",
      "schema:text": sentences.join("\n"),
    },
    first: { type: "AnnotationPage", items },
  };
}

describe("a change to more claims than one statement can name", () => {
  it("renames the speaker of 1,000 claims, and a reader refreshing since before it gets them all", async () => {
    const imported = await request("POST", "/api/articles/import", collection());
    expect(imported.status).toBe(201);
    const article = (await imported.json()) as Article;
    const whole = await request("GET", `/api/articles/${article.id}/claims`);
    const { items, cursor } = (await whole.json()) as {
      items: { id: string; speaker: string | null }[];
      cursor: number;
    };
    expect(items).toHaveLength(CLAIMS);
    // Give every claim the same speaker (one request a claim), then rename that speaker on all of them at once.
    for (const claim of items) {
      const answer = await request("GET", `/api/claims/${claim.id}`);
      const etag = answer.headers.get("etag") ?? "";
      const patched = await request(
        "PATCH",
        `/api/claims/${claim.id}`,
        { speaker: "The minister" },
        { "If-Match": etag },
      );
      expect(patched.status).toBe(200);
    }
    const renamed = await request("POST", `/api/articles/${article.id}/speakers/rename`, {
      from: "The minister",
      to: "Minister Jane Doe",
    });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { renamedClaimCount: number }).renamedClaimCount).toBe(CLAIMS);

    const refreshed = await request("GET", `/api/articles/${article.id}/claims?since=${cursor}`);
    expect(refreshed.status).toBe(200);
    const changed = (await refreshed.json()) as { items: { speaker: string | null }[] };
    expect(changed.items).toHaveLength(CLAIMS);
    expect(new Set(changed.items.map((claim) => claim.speaker))).toEqual(new Set(["Minister Jane Doe"]));
  }, 120_000);
});
