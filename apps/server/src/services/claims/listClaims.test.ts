import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { SEED_ADMIN } from "../../repositories/accountRepository";
import { buildArticle } from "../../test/buildArticle";
import { buildClaim } from "../../test/buildClaim";
import { createTestApp } from "../../test/createTestApp";
import { KEPT_GZIP_MIN_BYTES, listClaims, listClaimsAsJson as listClaimsAsBytes } from "./listClaims";
import { updateClaim } from "./updateClaim";

const { db, request } = await createTestApp();

async function listClaimsAsJson(...args: Parameters<typeof listClaimsAsBytes>): Promise<string> {
  return new TextDecoder().decode(await listClaimsAsBytes(...args));
}

describe("listClaimsAsJson", () => {
  it("answers exactly the bytes of JSON.stringify of the list: whole, kept, after a change, and since a cursor", async () => {
    const article = await buildArticle(db);
    const first = await buildClaim(db, article, "transferred dozens", {
      speaker: "Malley — envoy",
      rationale: 'He said "dozens" 🚁.',
    });
    await buildClaim(db, article, "totally unfounded");
    const whole = await listClaims(db, article.id);
    expect(await listClaimsAsJson(db, article.id)).toBe(JSON.stringify(whole));
    expect(await listClaimsAsJson(db, article.id)).toBe(JSON.stringify(whole));

    await updateClaim(db, SEED_ADMIN, first.id, first.version, { verdict: "contradicted" });
    const afterChange = await listClaimsAsJson(db, article.id);
    expect(afterChange).toBe(JSON.stringify(await listClaims(db, article.id)));
    expect(JSON.parse(afterChange).items[0]).toMatchObject({ id: first.id, verdict: "contradicted", version: 2 });

    const since = await listClaimsAsJson(db, article.id, whole.cursor);
    expect(since).toBe(JSON.stringify(await listClaims(db, article.id, whole.cursor)));
    expect(JSON.parse(since).items.map((claim: { id: string }) => claim.id)).toEqual([first.id]);
  });

  it("answers GET …/claims as JSON, as c.json did", async () => {
    const article = await buildArticle(db);
    await buildClaim(db, article, "transferred dozens");
    const response = await request("GET", `/api/articles/${article.id}/claims`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json");
    expect(await response.text()).toBe(JSON.stringify(await listClaims(db, article.id)));
  });

  it("answers a long list gzipped from the bytes kept with it, and the same JSON as a client without gzip gets", async () => {
    const article = await buildArticle(db);
    const rationale = "x".repeat(KEPT_GZIP_MIN_BYTES);
    await buildClaim(db, article, "transferred dozens", { rationale });
    const path = `/api/articles/${article.id}/claims`;
    const plain = await request("GET", path);
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    const expected = JSON.stringify(await listClaims(db, article.id));
    expect(await plain.text()).toBe(expected);

    for (let read = 0; read < 2; read++) {
      const gzipped = await request("GET", path, undefined, { "Accept-Encoding": "br;q=0, gzip;q=0.8" });
      expect(gzipped.status).toBe(200);
      expect(gzipped.headers.get("Content-Encoding")).toBe("gzip");
      expect(gzipped.headers.get("Vary")).toContain("Accept-Encoding");
      expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString("utf8")).toBe(expected);
    }
  });
});
