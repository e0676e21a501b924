import { type Role, ZAssigneeList, ZAuthState, ZClaimHistory, ZUser, ZUserList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { hashPassword } from "../auth/password";
import { SESSION_COOKIE } from "../auth/sessionCookie";
import { startSession } from "../domain/startSession";
import { createAccount, SEED_ADMIN } from "../repositories/accountRepository";
import { deactivateUser } from "../services/accounts/deactivateUser";
import { buildArticle } from "../test/buildArticle";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const testApp = await createTestApp();
const { db, request } = testApp;
// Made now: the accounts behind testApp.as(role) are made at their first request, which expectUnchanged would see.
await Promise.all((["editor", "reviewer"] as const).map((role) => testApp.userFor(role)));
const PASSWORD = "a departed colleague's password";
const passwordHash = await hashPassword(PASSWORD);

let accountCount = 0;
/** A new account of that role with PASSWORD and a live session: its row and the Cookie header. */
async function buildAccount(role: Role = "reviewer") {
  accountCount += 1;
  const row = await createAccount(db, {
    name: `Colleague ${accountCount}`,
    email: `colleague-${accountCount}@factmark.test`,
    role,
    passwordHash,
  });
  const session = await startSession(db, row.id, 60 * 60_000);
  return { row, cookie: `${SESSION_COOKIE}=${session.token}` };
}

async function currentUser(id: string) {
  return ZUserList.parse(await (await request("GET", "/api/users")).json()).items.find((user) => user.id === id);
}

function deactivate(id: string, version: number | undefined, headers: Record<string, string> = {}) {
  return request("POST", `/api/users/${id}/deactivate`, undefined, { "If-Match": `"${version}"`, ...headers });
}

function logIn(email: string | null, password: string) {
  return request("POST", "/api/auth/login", { email, password }, {}, { as: "anonymous" });
}

describe("POST /api/users/:id/deactivate", () => {
  it("ends the account's sessions at once; it cannot sign in, keeps its name in the history, and is not offered as an assignee", async () => {
    const { row, cookie } = await buildAccount("reviewer");
    const article = await buildArticle(db);
    const start = article.text.indexOf("transferred dozens");
    const marked = await request(
      "POST",
      `/api/articles/${article.id}/claims`,
      { selectors: { position: { start, end: start + "transferred dozens".length } } },
      { cookie },
    );
    expect(marked.status).toBe(201);
    const claimId = ((await marked.json()) as { id: string }).id;
    const assignees = async () =>
      ZAssigneeList.parse(await (await request("GET", "/api/assignees")).json()).items.map((each) => each.id);
    expect(await assignees()).toContain(row.id);

    const before = await currentUser(row.id);
    expect(before?.deactivatedAt).toBeNull();
    const response = await deactivate(row.id, before?.version);
    expect(response.status).toBe(200);
    const deactivated = ZUser.parse(await response.json());
    expect(deactivated).toMatchObject({ id: row.id, version: (before?.version ?? 0) + 1, role: "reviewer" });
    expect(deactivated.deactivatedAt).not.toBeNull();
    expect(response.headers.get("etag")).toBe(`"${deactivated.version}"`);

    // Its session, still in its browser, opens nothing from the next request on.
    await expectApiError(await request("GET", "/api/articles", undefined, { cookie }), 401, "UNAUTHENTICATED");
    expect(await db.session.count({ where: { accountId: row.id, revokedAt: null } })).toBe(0);
    // The right password says why; a wrong one says what it always says.
    const refused = await expectApiError(await logIn(row.email, PASSWORD), 401, "UNAUTHENTICATED");
    expect(refused.message).toBe("This account is deactivated. Ask an admin to reactivate it.");
    const wrong = await expectApiError(await logIn(row.email, "not the password at all"), 401, "UNAUTHENTICATED");
    expect(wrong.message).toBe("The email or password is not right.");

    const history = ZClaimHistory.parse(await (await request("GET", `/api/claims/${claimId}/history`)).json());
    expect(history.items[0]?.by).toMatchObject({ id: row.id, name: row.name });
    expect(await assignees()).not.toContain(row.id);
    expect(await currentUser(row.id)).toMatchObject({ name: row.name, deactivatedAt: deactivated.deactivatedAt });
  });

  it("refuses oneself, an account already deactivated, and bad requests, changing nothing", async () => {
    const { row } = await buildAccount("editor");
    const admin = await currentUser(SEED_ADMIN.id);
    const self = await expectApiError(
      await expectUnchanged(db, () => deactivate(SEED_ADMIN.id, admin?.version)),
      409,
      "CONFLICT",
    );
    expect(self.message).toMatch(/your own account/);

    const version = (await currentUser(row.id))?.version;
    await expectApiError(
      await expectUnchanged(db, () => deactivate(row.id, (version ?? 0) + 5)),
      412,
      "PRECONDITION_FAILED",
    );
    await expectApiError(
      await expectUnchanged(db, () => request("POST", `/api/users/${row.id}/deactivate`)),
      428,
      "PRECONDITION_REQUIRED",
    );
    await expectApiError(await expectUnchanged(db, () => deactivate("nobody", 1)), 404, "NOT_FOUND");
    await expectApiError(await expectUnchanged(db, () => deactivate("../users", 1)), 404, "NOT_FOUND");
    await expectApiError(await expectUnchanged(db, () => deactivate("not an id!", 1)), 400, "VALIDATION_FAILED");
    await expectApiError(
      await expectUnchanged(db, () => deactivate(row.id, undefined, { "If-Match": "soon" })),
      400,
      "VALIDATION_FAILED",
    );
    await expectApiError(
      await expectUnchanged(db, () =>
        testApp
          .as("editor")
          .request("POST", `/api/users/${row.id}/deactivate`, undefined, { "If-Match": `"${version}"` }),
      ),
      403,
      "FORBIDDEN",
    );

    expect((await deactivate(row.id, version)).status).toBe(200);
    const again = await expectApiError(
      await expectUnchanged(db, () => deactivate(row.id, (version ?? 0) + 1)),
      409,
      "CONFLICT",
    );
    expect(again.details).toMatchObject({ reason: "already_deactivated" });
  });

  it("refuses the last admin who can sign in, even asked by an admin demoted meanwhile", async () => {
    // Only a request racing a demotion can meet this: a signed-in admin is always a second admin.
    const admin = await db.account.findUniqueOrThrow({ where: { id: SEED_ADMIN.id } });
    const before = await db.account.count({ where: { role: "admin", deactivatedAt: null } });
    const formerAdmin = { id: "former-admin", name: "Former admin", role: "admin" as const };
    await expect(deactivateUser(db, formerAdmin, admin.id, admin.version)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This is the last admin. Make someone else an admin first.",
    });
    expect(await db.account.count({ where: { role: "admin", deactivatedAt: null } })).toBe(before);
  });

  it("revokes the invites a departing admin made: their links stop working", async () => {
    const { row, cookie } = await buildAccount("admin");
    const made = await request("POST", "/api/invites", { role: "editor" }, { cookie });
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };
    expect((await request("GET", `/api/invites/${token}`, undefined, {}, { as: "anonymous" })).status).toBe(200);

    expect((await deactivate(row.id, row.version)).status).toBe(200);

    const link = await request("GET", `/api/invites/${token}`, undefined, {}, { as: "anonymous" });
    await expectApiError(link, 404, "NOT_FOUND");
  });

  it("refuses to assign a claim to a deactivated account, saying why", async () => {
    const { row } = await buildAccount("reviewer");
    expect((await deactivate(row.id, row.version)).status).toBe(200);
    const article = await buildArticle(db);
    const start = article.text.indexOf("transferred dozens");
    const marked = await request("POST", `/api/articles/${article.id}/claims`, {
      selectors: { position: { start, end: start + "transferred dozens".length } },
    });
    const claim = (await marked.json()) as { id: string; version: number };
    const assign = () =>
      request("PATCH", `/api/claims/${claim.id}`, { assigneeId: row.id }, { "If-Match": `"${claim.version}"` });
    const response = await expectUnchanged(db, assign);
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    expect(error.message).toBe(`${row.name}'s account is deactivated and cannot be assigned a claim.`);
    expect(error.details).toMatchObject({ field: "assigneeId", reason: "deactivated" });
  });

  it("answers 403 to an admin demoted after their request was authenticated, for any other account", async () => {
    const { row } = await buildAccount("viewer");
    const { row: secondAdmin } = await buildAccount("admin");
    await db.account.update({ where: { id: secondAdmin.id }, data: { role: "editor" } });
    const asStaleAdmin = { id: secondAdmin.id, name: secondAdmin.name, role: "admin" as const };
    await expect(deactivateUser(db, asStaleAdmin, row.id, row.version)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.account.findUniqueOrThrow({ where: { id: row.id } })).deactivatedAt).toBeNull();
  });
});

describe("POST /api/users/:id/reactivate", () => {
  it("lets the account sign in again; its old sessions stay ended", async () => {
    const { row, cookie } = await buildAccount("reviewer");
    expect((await deactivate(row.id, row.version)).status).toBe(200);
    const response = await request("POST", `/api/users/${row.id}/reactivate`, undefined, {
      "If-Match": `"${row.version + 1}"`,
    });
    expect(response.status).toBe(200);
    expect(ZUser.parse(await response.json())).toMatchObject({ deactivatedAt: null, version: row.version + 2 });
    await expectApiError(await request("GET", "/api/articles", undefined, { cookie }), 401, "UNAUTHENTICATED");
    const signedIn = await logIn(row.email, PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(ZAuthState.parse(await signedIn.json()).user).toMatchObject({ id: row.id, deactivatedAt: null });
  });

  it("refuses an account that is not deactivated with 409, and bad requests, changing nothing", async () => {
    const { row } = await buildAccount("reviewer");
    const reactivate = (id: string, version: number) =>
      request("POST", `/api/users/${id}/reactivate`, undefined, { "If-Match": `"${version}"` });
    const refused = await expectApiError(
      await expectUnchanged(db, () => reactivate(row.id, row.version)),
      409,
      "CONFLICT",
    );
    expect(refused.details).toMatchObject({ reason: "not_deactivated" });
    await expectApiError(await expectUnchanged(db, () => reactivate("nobody", 1)), 404, "NOT_FOUND");
    await expectApiError(
      await expectUnchanged(db, () => reactivate(row.id, row.version + 3)),
      412,
      "PRECONDITION_FAILED",
    );
    await expectApiError(
      await expectUnchanged(db, () =>
        testApp.as("reviewer").request("POST", `/api/users/${row.id}/reactivate`, undefined, { "If-Match": '"1"' }),
      ),
      403,
      "FORBIDDEN",
    );
  });
});
