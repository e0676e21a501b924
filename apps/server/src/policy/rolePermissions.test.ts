import { ACTIONS, type Action, type Article, isAllowed, ROLES, type Role } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { hashSecretToken } from "../auth/secretToken";
import { createClaim } from "../services/claims/createClaim";
import { updateClaim } from "../services/claims/updateClaim";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildEvidence } from "../test/buildEvidence";
import { buildLink } from "../test/buildLink";
import { buildPublishableArticle } from "../test/buildPublishableArticle";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";

// The expected answer for every role and action, written out by hand so the test checks the policy's table
// rather than repeating it. Columns: viewer, reviewer, editor, admin.
const EXPECTED: Record<Action, [viewer: boolean, reviewer: boolean, editor: boolean, admin: boolean]> = {
  "article.read": [true, true, true, true],
  "report.export": [true, true, true, true],
  "claim.create": [false, true, true, true],
  "claim.edit": [false, true, true, true],
  "claim.delete": [false, true, true, true],
  "claim.status": [false, true, true, true],
  "claim.assign": [false, false, true, true],
  "claim.review": [false, false, true, true],
  "link.create": [false, true, true, true],
  "link.delete": [false, true, true, true],
  "evidence.create": [false, true, true, true],
  "evidence.edit": [false, true, true, true],
  "evidence.delete": [false, true, true, true],
  "article.create": [false, false, true, true],
  "article.import": [false, false, true, true],
  "article.edit": [false, false, true, true],
  "article.delete": [false, false, true, true],
  "article.conclude": [false, false, true, true],
  "article.publish": [false, false, true, true],
  "article.retract": [false, false, false, true],
  "user.list": [false, false, false, true],
  "user.edit": [false, false, false, true],
  "user.deactivate": [false, false, false, true],
  "invite.create": [false, false, false, true],
  "invite.list": [false, false, false, true],
  "invite.revoke": [false, false, false, true],
  "settings.edit": [false, false, false, true],
};

const PAIRS = ACTIONS.flatMap((action) =>
  ROLES.map((role, column) => ({ action, role, isExpected: EXPECTED[action][column] as boolean })),
);

describe("the policy's table", () => {
  it("names every action once in the expectations", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(PAIRS)("$role may $action: $isExpected", ({ action, role, isExpected }) => {
    expect(isAllowed(role, action)).toBe(isExpected);
  });
});

const testApp = await createTestApp();
const { db } = testApp;

interface ActionRequest {
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const PASSAGE = "Robert Malley said Iran transferred dozens just this summer.";

/** A claim the reviewer marked with a verdict and sent for review, so an editor may review it. */
async function buildClaimReadyForReview(article: Pick<Article, "id" | "text">) {
  const reviewer = await testApp.userFor("reviewer");
  const start = article.text.indexOf("dozens");
  const claim = await createClaim(db, reviewer, article.id, {
    selectors: { position: { start, end: start + "dozens".length } },
    verdict: "contradicted",
  });
  return updateClaim(db, reviewer, claim.id, claim.version, { status: "ready-for-review" });
}

/** One request per action, built on fresh rows each time so every role meets the same situation. */
const REQUEST_FOR: Record<Action, () => Promise<ActionRequest>> = {
  "article.read": async () => ({ method: "GET", url: `/api/articles/${(await buildArticle(db)).id}` }),
  "report.export": async () => ({
    method: "GET",
    url: `/api/articles/${(await buildArticle(db)).id}/report?format=md`,
  }),
  "claim.create": async () => {
    const article = await buildArticle(db);
    const start = article.text.indexOf("dozens");
    return {
      method: "POST",
      url: `/api/articles/${article.id}/claims`,
      body: { selectors: { position: { start, end: start + 6 } } },
    };
  },
  "claim.edit": async () => {
    const claim = await buildClaim(db, await buildArticle(db), "dozens");
    return {
      method: "PATCH",
      url: `/api/claims/${claim.id}`,
      body: { verdict: "supported" },
      headers: { "If-Match": '"1"' },
    };
  },
  "claim.delete": async () => {
    const claim = await buildClaim(db, await buildArticle(db), "dozens");
    return { method: "DELETE", url: `/api/claims/${claim.id}` };
  },
  "claim.status": async () => {
    // Assigned to the reviewer, who may move their own claims.
    const claim = await buildClaim(db, await buildArticle(db), "dozens");
    const assigned = await updateClaim(db, await testApp.userFor("admin"), claim.id, claim.version, {
      assigneeId: (await testApp.userFor("reviewer")).id,
    });
    return {
      method: "PATCH",
      url: `/api/claims/${claim.id}`,
      body: { status: "in-progress" },
      headers: { "If-Match": `"${assigned.version}"` },
    };
  },
  "claim.assign": async () => {
    const claim = await buildClaim(db, await buildArticle(db), "dozens");
    return {
      method: "PATCH",
      url: `/api/claims/${claim.id}`,
      body: { assigneeId: (await testApp.userFor("reviewer")).id },
      headers: { "If-Match": '"1"' },
    };
  },
  "claim.review": async () => {
    const claim = await buildClaimReadyForReview(await buildArticle(db));
    return {
      method: "POST",
      url: `/api/claims/${claim.id}/reviews`,
      body: { decision: "approve" },
      headers: { "If-Match": `"${claim.version}"` },
    };
  },
  "link.create": async () => {
    const article = await buildArticle(db);
    const from = await buildClaim(db, article, "limited number of drones");
    const to = await buildClaim(db, article, "dozens");
    return {
      method: "POST",
      url: `/api/articles/${article.id}/links`,
      body: { fromClaimId: from.id, toClaimId: to.id, kind: "contradicts" },
    };
  },
  "link.delete": async () => {
    const article = await buildArticle(db);
    const link = await buildLink(db, await buildClaim(db, article, "limited"), await buildClaim(db, article, "dozens"));
    return { method: "DELETE", url: `/api/links/${link.id}` };
  },
  "evidence.create": async () => {
    const claim = await buildClaim(db, await buildArticle(db), "dozens");
    return {
      method: "POST",
      url: `/api/claims/${claim.id}/evidence`,
      body: { url: "https://example.org/source", stance: "supports" },
    };
  },
  "evidence.edit": async () => {
    const evidence = await buildEvidence(db, await buildClaim(db, await buildArticle(db), "dozens"));
    return {
      method: "PATCH",
      url: `/api/evidence/${evidence.id}`,
      body: { stance: "context" },
      headers: { "If-Match": '"1"' },
    };
  },
  "evidence.delete": async () => {
    const evidence = await buildEvidence(db, await buildClaim(db, await buildArticle(db), "dozens"));
    return { method: "DELETE", url: `/api/evidence/${evidence.id}` };
  },
  "article.create": async () => ({
    method: "POST",
    url: "/api/articles",
    body: { title: "New", format: "text", content: PASSAGE },
  }),
  "article.import": async () => {
    const article = await buildArticle(db);
    const exported = await testApp.request("GET", `/api/articles/${article.id}/report?format=json`);
    return { method: "POST", url: "/api/articles/import", body: await exported.json() };
  },
  "article.edit": async () => {
    const article = await buildArticle(db);
    return {
      method: "PATCH",
      url: `/api/articles/${article.id}`,
      body: { title: "Renamed" },
      headers: { "If-Match": '"1"' },
    };
  },
  "article.delete": async () => ({ method: "DELETE", url: `/api/articles/${(await buildArticle(db)).id}` }),
  "article.conclude": async () => {
    const article = await buildArticle(db);
    return {
      method: "PATCH",
      url: `/api/articles/${article.id}`,
      body: { conclusion: { summary: "Two of three statements do not hold.", rating: "mostly-inaccurate" } },
      headers: { "If-Match": `"${article.version}"` },
    };
  },
  "article.publish": async () => {
    const { article } = await buildPublishableArticle(db);
    return {
      method: "POST",
      url: `/api/articles/${article.id}/publications`,
      body: {},
      headers: { "If-Match": `"${article.version}"` },
    };
  },
  "article.retract": async () => {
    const { article } = await buildPublishableArticle(db);
    const published = await testApp.request(
      "POST",
      `/api/articles/${article.id}/publications`,
      {},
      {
        "If-Match": `"${article.version}"`,
      },
    );
    expect(published.status, await published.clone().text()).toBe(201);
    return {
      method: "POST",
      url: `/api/articles/${article.id}/publications/retract`,
      body: { note: "The interview was misquoted." },
    };
  },
  "user.list": async () => ({ method: "GET", url: "/api/users" }),
  "user.edit": async () => {
    const viewer = await db.account.findUniqueOrThrow({ where: { id: (await testApp.userFor("viewer")).id } });
    return {
      method: "PATCH",
      url: `/api/users/${viewer.id}`,
      body: { name: viewer.name },
      headers: { "If-Match": `"${viewer.version}"` },
    };
  },
  "user.deactivate": async () => {
    // A fresh account each time: deactivating the test viewer would sign it out of the rest of the table.
    const account = await db.account.create({
      data: { id: `deactivate-${crypto.randomUUID()}`, name: "Departing colleague", role: "reviewer" },
    });
    return {
      method: "POST",
      url: `/api/users/${account.id}/deactivate`,
      headers: { "If-Match": `"${account.version}"` },
    };
  },
  "invite.create": async () => ({ method: "POST", url: "/api/invites", body: { role: "reviewer" } }),
  "invite.list": async () => ({ method: "GET", url: "/api/invites" }),
  "invite.revoke": async () => {
    const created = await testApp.request("POST", "/api/invites", { role: "reviewer" });
    const { token } = (await created.json()) as { token: string };
    return { method: "DELETE", url: `/api/invites/${hashSecretToken(token)}` };
  },
  "settings.edit": async () => {
    const current = await testApp.request("GET", "/api/settings");
    return {
      method: "PATCH",
      url: "/api/settings",
      body: { requiredApprovals: 1 },
      headers: { "If-Match": current.headers.get("ETag") ?? "" },
    };
  },
};

describe("every role × action through the API", () => {
  for (const { action, role, isExpected } of PAIRS) {
    it(`${role} ${isExpected ? "may" : "may not"} ${action}`, async () => {
      const { method, url, body, headers } = await REQUEST_FOR[action]();
      const response = await testApp.as(role as Role).request(method, url, body, headers);
      if (isExpected) {
        expect(response.status, await response.clone().text()).toBeLessThan(300);
      } else {
        const error = await expectApiError(response, 403, "FORBIDDEN");
        expect(error.details).toMatchObject({ action, role });
      }
    });
  }

  it.each(ROLES)("%s imports a file or a URL only with article.import", async (role) => {
    const form = new FormData();
    form.set("file", new File([PASSAGE], "passage.txt"));
    const cookie = await testApp.cookieFor(role);
    const uploaded = await testApp.app.request("/api/articles/upload", {
      method: "POST",
      body: form,
      headers: { cookie },
    });
    const fromUrl = await testApp
      .as(role)
      .request("POST", "/api/articles/from-url", { url: "http://127.0.0.1:9/page" });
    if (isAllowed(role, "article.import")) {
      expect(uploaded.status).toBe(201);
    } else {
      await expectApiError(uploaded, 403, "FORBIDDEN");
      // Refused before anything is fetched.
      await expectApiError(fromUrl, 403, "FORBIDDEN");
    }
  });

  it("refuses every action without a session with 401", async () => {
    for (const action of Object.keys(REQUEST_FOR) as (keyof typeof REQUEST_FOR)[]) {
      const { method, url, body, headers } = await REQUEST_FOR[action]();
      await expectApiError(await testApp.as("anonymous").request(method, url, body, headers), 401, "UNAUTHENTICATED");
    }
  });
});
