import { ZClaimHistory, ZClaimList, ZSpeakerRenamed } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const { db, request, as, userFor } = await createTestApp();

/** The sample's three speakers, one misspelt on a second claim ("Malley" and "Robert Malley"). */
async function buildSpokenArticle() {
  const article = await buildArticle(db);
  const said = await buildClaim(db, article, "Robert Malley said", { speaker: "Robert Malley" });
  const dozens = await buildClaim(db, article, "transferred dozens", { speaker: "Malley" });
  const sold = await buildClaim(db, article, "Iran sold", { speaker: "Amir-Abdollahian" });
  const unfounded = await buildClaim(db, article, "totally unfounded");
  return { article, said, dozens, sold, unfounded };
}

async function speakersOf(articleId: string, identity: "admin" | "viewer" = "admin") {
  const response = await as(identity).request("GET", `/api/articles/${articleId}/speakers/counts`);
  expect(response.status).toBe(200);
  return (await response.json()).items;
}

async function claimsOf(articleId: string) {
  return ZClaimList.parse(await (await request("GET", `/api/articles/${articleId}/claims`)).json()).items;
}

describe("GET /api/articles/:id/speakers/counts", () => {
  it("lists each speaker of the live claims once, A to Z, with how many claims name them", async () => {
    const { article } = await buildSpokenArticle();
    const deleted = await buildClaim(db, article, "Iravani called", { speaker: "Malley" });
    await request("DELETE", `/api/claims/${deleted.id}`);
    expect(await speakersOf(article.id, "viewer")).toEqual([
      { name: "Amir-Abdollahian", claimCount: 1 },
      { name: "Malley", claimCount: 1 },
      { name: "Robert Malley", claimCount: 1 },
    ]);
  });

  it("answers 404 for an article not there, or deleted", async () => {
    await expectApiError(await request("GET", "/api/articles/missing/speakers/counts"), 404, "NOT_FOUND");
    const { article } = await buildSpokenArticle();
    await request("DELETE", `/api/articles/${article.id}`);
    await expectApiError(await request("GET", `/api/articles/${article.id}/speakers/counts`), 404, "NOT_FOUND");
  });
});

describe("POST /api/articles/:id/speakers/rename", () => {
  it("renames a speaker on every claim naming it, each claim's history recording it", async () => {
    const { article, said } = await buildSpokenArticle();
    const response = await as("reviewer").request("POST", `/api/articles/${article.id}/speakers/rename`, {
      from: "Robert Malley",
      to: "  Rob Malley ",
    });
    expect(response.status).toBe(200);
    expect(ZSpeakerRenamed.parse(await response.json())).toEqual({
      renamedClaimCount: 1,
      isMerged: false,
      items: [
        { name: "Amir-Abdollahian", claimCount: 1 },
        { name: "Malley", claimCount: 1 },
        { name: "Rob Malley", claimCount: 1 },
      ],
    });
    const renamed = (await claimsOf(article.id)).find((claim) => claim.id === said.id);
    expect(renamed).toMatchObject({ speaker: "Rob Malley", version: said.version + 1 });
    const history = ZClaimHistory.parse(await (await request("GET", `/api/claims/${said.id}/history`)).json());
    expect(history.items[0]).toMatchObject({
      action: "claim.speaker_changed",
      from: "Robert Malley",
      to: "Rob Malley",
      by: { id: (await userFor("reviewer")).id },
    });
  });

  it("merges two speakers when renaming onto a name claims already have, and each claim's change can be undone", async () => {
    const { article, said, dozens } = await buildSpokenArticle();
    const second = await buildClaim(db, article, "just this summer", { speaker: "Malley" });
    const response = await request("POST", `/api/articles/${article.id}/speakers/rename`, {
      from: "Malley",
      to: "Robert Malley",
    });
    expect(ZSpeakerRenamed.parse(await response.json())).toMatchObject({
      renamedClaimCount: 2,
      isMerged: true,
      items: [
        { name: "Amir-Abdollahian", claimCount: 1 },
        { name: "Robert Malley", claimCount: 3 },
      ],
    });
    const claims = await claimsOf(article.id);
    for (const claim of [said, dozens, second]) {
      expect(claims.find((each) => each.id === claim.id)?.speaker).toBe("Robert Malley");
    }
    expect((await request("POST", `/api/claims/${dozens.id}/history/undo`)).status).toBe(200);
    expect(await speakersOf(article.id)).toEqual([
      { name: "Amir-Abdollahian", claimCount: 1 },
      { name: "Malley", claimCount: 1 },
      { name: "Robert Malley", claimCount: 2 },
    ]);
  });

  it("advances the article's change number once, so open pages refresh what changed", async () => {
    const { article } = await buildSpokenArticle();
    const { cursor } = ZClaimList.parse(await (await request("GET", `/api/articles/${article.id}/claims`)).json());
    await request("POST", `/api/articles/${article.id}/speakers/rename`, { from: "Malley", to: "Robert Malley" });
    const since = ZClaimList.parse(
      await (await request("GET", `/api/articles/${article.id}/claims?since=${cursor}`)).json(),
    );
    expect(since.items.map((claim) => claim.speaker)).toEqual(["Robert Malley"]);
    expect(since.cursor).toBe(cursor + 1);
  });

  it.each([
    [{ from: "Malley" }, "to"],
    [{ from: "Malley", to: "   " }, "Give the new name"],
    [{ from: "", to: "Robert Malley" }, "Say which speaker to rename."],
    [{ from: "Malley", to: " Malley " }, "The new name is the same as the old one."],
    [{ from: "Malley", to: "x".repeat(201) }, "to"],
    [{ from: "Malley", to: "__proto__" }, "cannot be a speaker's name"],
    [{ from: "Malley", to: "Robert", extra: 1 }, "extra"],
  ])("refuses %j with 400, changing nothing", async (body, message) => {
    const { article } = await buildSpokenArticle();
    const response = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/speakers/rename`, body),
    );
    const error = await expectApiError(response, 400, "VALIDATION_FAILED");
    expect(error.message).toContain(message);
  });

  it("answers 404 for a speaker no live claim names, changing nothing", async () => {
    const { article } = await buildSpokenArticle();
    const response = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/speakers/rename`, { from: "Iravani", to: "Amir Saeid Iravani" }),
    );
    const error = await expectApiError(response, 404, "NOT_FOUND");
    expect(error.message).toContain("“Iravani”");
  });

  it("answers 404 for an article not there or deleted, changing nothing", async () => {
    const body = { from: "Malley", to: "Robert Malley" };
    const missing = await expectUnchanged(db, () => request("POST", "/api/articles/missing/speakers/rename", body));
    await expectApiError(missing, 404, "NOT_FOUND");
    const { article } = await buildSpokenArticle();
    await request("DELETE", `/api/articles/${article.id}`);
    const deleted = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/speakers/rename`, body),
    );
    await expectApiError(deleted, 404, "NOT_FOUND");
  });

  it("refuses a viewer with 403, changing nothing", async () => {
    await userFor("viewer");
    const { article } = await buildSpokenArticle();
    const response = await expectUnchanged(db, () =>
      as("viewer").request("POST", `/api/articles/${article.id}/speakers/rename`, {
        from: "Malley",
        to: "Robert Malley",
      }),
    );
    await expectApiError(response, 403, "FORBIDDEN");
  });
});

describe("a renamed speaker keeps their kind", () => {
  async function setKinds(articleId: string, speakerKinds: Record<string, string>) {
    const current = await request("GET", `/api/articles/${articleId}`);
    const response = await request(
      "PATCH",
      `/api/articles/${articleId}`,
      { speakerKinds },
      {
        "If-Match": current.headers.get("ETag") ?? "",
      },
    );
    expect(response.status).toBe(200);
  }

  async function kindsOf(articleId: string) {
    return (await (await request("GET", `/api/articles/${articleId}`)).json()).speakerKinds;
  }

  it("moves the kind (person or organisation) to the new name, so publishing does not ask again", async () => {
    const { article } = await buildSpokenArticle();
    await setKinds(article.id, { "Robert Malley": "Person", "Amir-Abdollahian": "Person" });
    await as("reviewer").request("POST", `/api/articles/${article.id}/speakers/rename`, {
      from: "Robert Malley",
      to: "Rob Malley",
    });
    expect(await kindsOf(article.id)).toEqual({ "Rob Malley": "Person", "Amir-Abdollahian": "Person" });
  });

  it("keeps the kind the name merged into already had", async () => {
    const { article } = await buildSpokenArticle();
    await setKinds(article.id, { Malley: "Organization", "Robert Malley": "Person" });
    await as("reviewer").request("POST", `/api/articles/${article.id}/speakers/rename`, {
      from: "Malley",
      to: "Robert Malley",
    });
    expect(await kindsOf(article.id)).toEqual({ "Robert Malley": "Person" });
  });
});
