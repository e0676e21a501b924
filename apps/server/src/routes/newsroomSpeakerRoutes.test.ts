import {
  type ClaimCreate,
  type Role,
  ZArticle,
  ZNewsroomSpeakerDetail,
  ZNewsroomSpeakerList,
  ZPublicationBlockers,
} from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { approveClaim, buildPublishableArticle } from "../test/buildPublishableArticle";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const testApp = await createTestApp();
const { db, request, as } = testApp;
// Every role's account exists before any test compares the database before and after a request.
for (const role of ["viewer", "reviewer", "editor"] as const) await testApp.userFor(role);

type Said = [quote: string, speaker: string, verdict?: ClaimCreate["verdict"]];

/** An article of the sample's three sentences with these claims marked; each quote must be in ARTICLE_CONTENT. */
async function buildSpokenArticle(...claims: Said[]) {
  const article = await buildArticle(db);
  const built = [];
  for (const [quote, speaker, verdict = "unverified"] of claims) {
    built.push(await buildClaim(db, article, quote, { speaker, verdict }));
  }
  return { article, claims: built };
}

async function listSpeakers(query = "", identity: Role = "viewer") {
  const response = await as(identity).request("GET", `/api/speakers${query}`);
  expect(response.status).toBe(200);
  return ZNewsroomSpeakerList.parse(await response.json()).items;
}

async function speakerNamed(name: string) {
  const speaker = (await listSpeakers(`?q=${encodeURIComponent(name)}`)).find((item) => item.aliases.includes(name));
  if (!speaker) throw new Error(`No speaker has the alias "${name}".`);
  return speaker;
}

async function readSpeaker(id: string, identity: Role = "viewer") {
  const response = await as(identity).request("GET", `/api/speakers/${id}`);
  expect(response.status).toBe(200);
  return ZNewsroomSpeakerDetail.parse(await response.json());
}

describe("GET /api/speakers", () => {
  it("lists each speaker once across articles, its spellings that differ only in case or hyphens joined, with its record", async () => {
    const first = await buildSpokenArticle(
      ["Iran sold", "Hossein Amir-Abdollahian", "contradicted"],
      ["limited number of drones", "Hossein Amir-Abdollahian", "supported"],
    );
    const second = await buildSpokenArticle(["Iran sold", "hossein amir abdollahian", "contradicted"]);
    const deleted = await buildClaim(db, second.article, "transferred dozens", {
      speaker: "Hossein Amir-Abdollahian",
    });
    await request("DELETE", `/api/claims/${deleted.id}`);
    const gone = await buildSpokenArticle(["Iran sold", "Hossein Amir-Abdollahian", "supported"]);
    await request("DELETE", `/api/articles/${gone.article.id}`);

    const speaker = await speakerNamed("Hossein Amir-Abdollahian");
    expect(speaker).toMatchObject({
      name: "Hossein Amir-Abdollahian",
      kind: null,
      aliases: ["Hossein Amir-Abdollahian", "hossein amir abdollahian"],
      claimCount: 3,
      articleCount: 2,
      counts: { contradicted: 2, supported: 1, unverified: 0 },
    });
    expect(speaker.lastClaimAt).toBe(second.claims[0]?.createdAt);
    // The claims keep their own spelling.
    const stored = await db.claim.findUnique({ where: { id: second.claims[0]?.id } });
    expect(stored?.speaker).toBe("hossein amir abdollahian");
    expect(first.claims).toHaveLength(2);
  });

  it("lists speakers A to Z, and none whose claims are all deleted", async () => {
    const { claims } = await buildSpokenArticle(
      ["transferred dozens", "Zed Zulu"],
      ["Iran sold", "ábel Able"],
      ["totally unfounded", "Mid Person"],
    );
    await request("DELETE", `/api/claims/${claims[2]?.id}`);
    const names = (await listSpeakers()).map((speaker) => speaker.name);
    expect(names).toContain("Zed Zulu");
    expect(names).not.toContain("Mid Person");
    expect(names.indexOf("ábel Able")).toBeLessThan(names.indexOf("Zed Zulu"));
  });

  it("narrows by any part of a name or alias, ignoring case, accents, spaces and hyphens", async () => {
    await buildSpokenArticle(["transferred dozens", "Robért Malley-Envoy"], ["totally unfounded", "Amir Iravani"]);
    for (const query of ["malley", "ROBERT", "malley envoy", "Malley-Envoy", "robért"]) {
      expect((await listSpeakers(`?q=${encodeURIComponent(query)}`)).map((speaker) => speaker.name)).toEqual([
        "Robért Malley-Envoy",
      ]);
    }
    expect(await listSpeakers(`?q=${encodeURIComponent("nobody at all")}`)).toEqual([]);
  });

  it("refuses a query over 200 characters, and one with unknown parameters", async () => {
    await expectApiError(await request("GET", `/api/speakers?q=${"a".repeat(201)}`), 400, "VALIDATION_FAILED");
    await expectApiError(await request("GET", "/api/speakers?sort=name"), 400, "VALIDATION_FAILED");
  });
});

describe("GET /api/speakers/:id", () => {
  it("answers the record by verdict and by month, and the live claims newest first with their articles", async () => {
    const { article, claims } = await buildSpokenArticle(
      ["Iran sold", "Record Keeper", "contradicted"],
      ["transferred dozens", "Record Keeper", "supported"],
      ["totally unfounded", "record keeper", "contradicted"],
    );
    const [march, may, mayAgain] = claims;
    await db.claim.update({ where: { id: march?.id }, data: { createdAt: new Date("2026-03-10T12:00:00Z") } });
    await db.claim.update({ where: { id: may?.id }, data: { createdAt: new Date("2026-05-01T00:00:00Z") } });
    await db.claim.update({ where: { id: mayAgain?.id }, data: { createdAt: new Date("2026-05-31T23:59:59Z") } });

    const detail = await readSpeaker((await speakerNamed("Record Keeper")).id);
    expect(detail).toMatchObject({
      claimCount: 3,
      articleCount: 1,
      counts: { contradicted: 2, supported: 1, unverified: 0 },
      lastClaimAt: "2026-05-31T23:59:59.000Z",
      byMonth: [
        { month: "2026-03", counts: { contradicted: 1, supported: 0, unverified: 0 } },
        { month: "2026-04", counts: { contradicted: 0, supported: 0, unverified: 0 } },
        { month: "2026-05", counts: { contradicted: 1, supported: 1, unverified: 0 } },
      ],
    });
    expect(detail.claims).toEqual([
      {
        id: mayAgain?.id,
        quote: "totally unfounded",
        verdict: "contradicted",
        speaker: "record keeper",
        createdAt: "2026-05-31T23:59:59.000Z",
        article: { id: article.id, title: article.title, isPublished: false },
      },
      expect.objectContaining({ id: may?.id, speaker: "Record Keeper" }),
      expect.objectContaining({ id: march?.id }),
    ]);
  });

  it("says which claims' articles are published", async () => {
    const { article, malley } = await buildPublishableArticle(db);
    const response = await request(
      "POST",
      `/api/articles/${article.id}/publications`,
      {},
      {
        "If-Match": `"${article.version}"`,
      },
    );
    expect(response.status).toBe(201);
    const detail = await readSpeaker((await speakerNamed("Robert Malley")).id);
    expect(detail.claims.find((claim) => claim.id === malley.id)?.article.isPublished).toBe(true);
  });

  it("answers 404 for a speaker not there", async () => {
    await expectApiError(await request("GET", "/api/speakers/missing"), 404, "NOT_FOUND");
  });
});

describe("PATCH /api/speakers/:id", () => {
  it("lets a reviewer set the kind, the name and the aliases; the name is always an alias", async () => {
    await buildSpokenArticle(["Iran sold", "Patched Minister"]);
    const speaker = await speakerNamed("Patched Minister");
    const response = await as("reviewer").request("PATCH", `/api/speakers/${speaker.id}`, {
      name: "  The Patched Minister ",
      kind: "Person",
      aliases: ["Patched Minister", "Minister P."],
    });
    expect(response.status).toBe(200);
    expect(ZNewsroomSpeakerDetail.parse(await response.json())).toMatchObject({
      name: "The Patched Minister",
      kind: "Person",
      aliases: ["Minister P.", "Patched Minister", "The Patched Minister"],
      claimCount: 1,
    });
    expect(await readSpeaker(speaker.id)).toMatchObject({ name: "The Patched Minister", kind: "Person" });
  });

  it("splits off an alias removed that claims still spell, so no claim loses its speaker", async () => {
    await buildSpokenArticle(["Iran sold", "Split Minister"], ["totally unfounded", "Split Minister"]);
    await buildSpokenArticle(["Iran sold", "Minister Split"]);
    const one = await speakerNamed("Split Minister");
    const other = await speakerNamed("Minister Split");
    const merged = await request("POST", `/api/speakers/${other.id}/merge`, { intoId: one.id });
    expect(merged.status).toBe(200);
    const response = await request("PATCH", `/api/speakers/${one.id}`, { aliases: ["Split Minister"] });
    expect(response.status).toBe(200);
    expect(ZNewsroomSpeakerDetail.parse(await response.json())).toMatchObject({ claimCount: 2 });
    expect(await speakerNamed("Minister Split")).toMatchObject({ aliases: ["Minister Split"], claimCount: 1 });
  });

  it("answers 409, saying to merge, for an alias another speaker has, and stores nothing", async () => {
    await buildSpokenArticle(["Iran sold", "Held Alias"], ["totally unfounded", "Other Holder"]);
    const speaker = await speakerNamed("Other Holder");
    const error = await expectApiError(
      await expectUnchanged(db, () =>
        request("PATCH", `/api/speakers/${speaker.id}`, { kind: "Person", aliases: ["Other Holder", "Held Alias"] }),
      ),
      409,
      "CONFLICT",
    );
    expect(error.message).toContain("“Held Alias” is already an alias of “Held Alias”");
    expect(error.message).toContain("merge");
    await expectApiError(
      await expectUnchanged(db, () => request("PATCH", `/api/speakers/${speaker.id}`, { name: "Held Alias" })),
      409,
      "CONFLICT",
    );
  });

  it("answers 409 for a spelling that differs from another speaker's only in case, accents or spaces, which a new claim would join there", async () => {
    await buildSpokenArticle(["Iran sold", "Ukrainian officials"], ["totally unfounded", "Folded Holder"]);
    const speaker = await speakerNamed("Folded Holder");
    for (const spelling of [
      "UKRAINIAN OFFICIALS",
      "Ukrainian officiáls",
      "Ukrainian  officials",
      "ukrainian-officials",
    ]) {
      await expectApiError(
        await expectUnchanged(db, () =>
          request("PATCH", `/api/speakers/${speaker.id}`, { aliases: ["Folded Holder", spelling] }),
        ),
        409,
        "CONFLICT",
      );
    }
    await expectApiError(
      await expectUnchanged(db, () => request("PATCH", `/api/speakers/${speaker.id}`, { name: "ukrainian officials" })),
      409,
      "CONFLICT",
    );
  });

  it("tidies the spaces of a name typed, so two spellings never look alike", async () => {
    await buildSpokenArticle(["Iran sold", "Spaced Name"]);
    const speaker = await speakerNamed("Spaced Name");
    const response = await request("PATCH", `/api/speakers/${speaker.id}`, {
      name: " Spaced \t Name ",
      kind: "Person",
    });
    expect(response.status).toBe(200);
    expect(ZNewsroomSpeakerDetail.parse(await response.json())).toMatchObject({
      name: "Spaced Name",
      aliases: ["Spaced Name"],
    });
  });

  it("refuses bad input with 4xx and stores nothing", async () => {
    await buildSpokenArticle(["Iran sold", "Refusing Speaker"]);
    const { id } = await speakerNamed("Refusing Speaker");
    const url = `/api/speakers/${id}`;
    const bad: [unknown, number, string][] = [
      [{}, 400, "VALIDATION_FAILED"],
      [{ name: "   " }, 400, "VALIDATION_FAILED"],
      [{ aliases: ["Refusing Speaker", " "] }, 400, "VALIDATION_FAILED"],
      [{ kind: "Robot" }, 400, "VALIDATION_FAILED"],
      [{ name: "x".repeat(201) }, 400, "VALIDATION_FAILED"],
      [{ aliases: Array.from({ length: 51 }, (_, index) => `Alias ${index}`) }, 400, "VALIDATION_FAILED"],
      [{ aliases: Array.from({ length: 50 }, (_, index) => `Alias ${index}`) }, 400, "VALIDATION_FAILED"],
      [{ name: "A\u0000B" }, 400, "VALIDATION_FAILED"],
      [{ kind: "Person", extra: true }, 400, "VALIDATION_FAILED"],
      ["not json", 400, "VALIDATION_FAILED"],
    ];
    for (const [body, status, code] of bad) {
      await expectApiError(
        await expectUnchanged(db, () => request("PATCH", url, body)),
        status,
        code as "VALIDATION_FAILED",
      );
    }
    await expectApiError(
      await expectUnchanged(db, () => request("PATCH", "/api/speakers/missing", { kind: "Person" })),
      404,
      "NOT_FOUND",
    );
    await expectApiError(
      await expectUnchanged(db, () => as("viewer").request("PATCH", url, { kind: "Person" })),
      403,
      "FORBIDDEN",
    );
    await expectApiError(
      await expectUnchanged(db, () => as("anonymous").request("PATCH", url, { kind: "Person" })),
      401,
      "UNAUTHENTICATED",
    );
  });
});

describe("POST /api/speakers/:id/merge", () => {
  it("moves the aliases and claims into the other speaker and deletes the merged one; the counts add up", async () => {
    await buildSpokenArticle(["Iran sold", "Amir-Abdollahian M", "contradicted"]);
    await buildSpokenArticle(
      ["transferred dozens", "Hossein Amir-Abdollahian M", "supported"],
      ["totally unfounded", "Hossein Amir-Abdollahian M", "contradicted"],
    );
    const short = await speakerNamed("Amir-Abdollahian M");
    const full = await speakerNamed("Hossein Amir-Abdollahian M");
    await request("PATCH", `/api/speakers/${short.id}`, { kind: "Person" });

    const response = await as("reviewer").request("POST", `/api/speakers/${short.id}/merge`, { intoId: full.id });
    expect(response.status).toBe(200);
    expect(ZNewsroomSpeakerDetail.parse(await response.json())).toMatchObject({
      id: full.id,
      name: "Hossein Amir-Abdollahian M",
      kind: "Person",
      aliases: ["Amir-Abdollahian M", "Hossein Amir-Abdollahian M"],
      claimCount: 3,
      articleCount: 2,
      counts: { contradicted: 2, supported: 1, unverified: 0 },
    });
    await expectApiError(await request("GET", `/api/speakers/${short.id}`), 404, "NOT_FOUND");
    expect((await listSpeakers("?q=abdollahian m")).map((speaker) => speaker.id)).toEqual([full.id]);
    const spellings = await db.claim.findMany({
      where: { speaker: { in: ["Amir-Abdollahian M", "Hossein Amir-Abdollahian M"] } },
      select: { speaker: true },
    });
    expect(spellings.map((claim) => claim.speaker).sort()).toEqual([
      "Amir-Abdollahian M",
      "Hossein Amir-Abdollahian M",
      "Hossein Amir-Abdollahian M",
    ]);
  });

  it("refuses a merge into itself, into or from a speaker not there, by a viewer, and stores nothing", async () => {
    await buildSpokenArticle(["Iran sold", "Unmerged One"], ["totally unfounded", "Unmerged Two"]);
    const one = await speakerNamed("Unmerged One");
    const two = await speakerNamed("Unmerged Two");
    const cases: [string, unknown, Role, number, string][] = [
      [one.id, { intoId: one.id }, "admin", 400, "VALIDATION_FAILED"],
      [one.id, { intoId: "missing" }, "admin", 404, "NOT_FOUND"],
      ["missing", { intoId: one.id }, "admin", 404, "NOT_FOUND"],
      [one.id, {}, "admin", 400, "VALIDATION_FAILED"],
      [one.id, { intoId: two.id, also: 1 }, "admin", 400, "VALIDATION_FAILED"],
      [one.id, { intoId: two.id }, "viewer", 403, "FORBIDDEN"],
    ];
    for (const [id, body, identity, status, code] of cases) {
      await expectApiError(
        await expectUnchanged(db, () => as(identity).request("POST", `/api/speakers/${id}/merge`, body)),
        status,
        code as "VALIDATION_FAILED",
      );
    }
  });
});

describe("the newsroom's kind of a speaker", () => {
  async function publishBlockers(articleId: string) {
    const article = ZArticle.parse(await (await request("GET", `/api/articles/${articleId}`)).json());
    const response = await request(
      "POST",
      `/api/articles/${articleId}/publications`,
      {},
      {
        "If-Match": `"${article.version}"`,
      },
    );
    if (response.status === 201) return [];
    expect(response.status).toBe(409);
    return ZPublicationBlockers.parse((await response.json()).error.details).blockers.map((blocker) => blocker.reason);
  }

  it("set on the speakers page, clears the publication blocker of a speaker the article gives no kind", async () => {
    const { article } = await buildPublishableArticle(db);
    const kindless = await buildClaim(db, article, "Iran sold", { speaker: "Kindless Envoy", verdict: "supported" });
    await approveClaim(db, kindless.id);
    expect(await publishBlockers(article.id)).toEqual(["Say whether “Kindless Envoy” is a person or an organisation."]);

    const speaker = await speakerNamed("Kindless Envoy");
    await as("reviewer").request("PATCH", `/api/speakers/${speaker.id}`, { kind: "Organization" });
    // Published (201): the blocker is gone.
    expect(await publishBlockers(article.id)).toEqual([]);
  });

  it("gives ClaimReview's author type where the article gives none; the article's own kind wins", async () => {
    const { article } = await buildPublishableArticle(db);
    const kindless = await buildClaim(db, article, "Iran sold", { speaker: "Author Fallback", verdict: "supported" });
    await approveClaim(db, kindless.id);
    const authors = async () => {
      const reviews = (await (
        await request("GET", `/api/articles/${article.id}/report?format=claimreview`)
      ).json()) as {
        itemReviewed: { author?: { "@type": string; name: string } };
      }[];
      return reviews.map((review) => review.itemReviewed.author ?? null);
    };
    expect(await authors()).toContainEqual({ "@type": "Person", name: "Robert Malley" });
    expect((await authors()).filter((author) => author === null)).toHaveLength(1);

    await request("PATCH", `/api/speakers/${(await speakerNamed("Author Fallback")).id}`, { kind: "Person" });
    // Robert Malley is a Person in this article; the newsroom calling him an organisation does not change that.
    await request("PATCH", `/api/speakers/${(await speakerNamed("Robert Malley")).id}`, { kind: "Organization" });
    const after = await authors();
    expect(after).toContainEqual({ "@type": "Person", name: "Author Fallback" });
    expect(after).toContainEqual({ "@type": "Person", name: "Robert Malley" });
  });
});
