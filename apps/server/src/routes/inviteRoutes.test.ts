import { ZInviteCreated, ZPendingInviteList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { hashSecretToken } from "../auth/secretToken";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

const testApp = await createTestApp();
const { db, request } = testApp;

async function invite(body: { role: string; email?: string }) {
  const response = await request("POST", "/api/invites", body);
  expect(response.status).toBe(201);
  return ZInviteCreated.parse(await response.json());
}

async function pendingInvites() {
  const response = await request("GET", "/api/invites");
  expect(response.status).toBe(200);
  return ZPendingInviteList.parse(await response.json()).items;
}

function accept(token: string, email?: string) {
  return request(
    "POST",
    `/api/invites/${token}/accept`,
    { name: "New colleague", password: "a long enough password", ...(email ? { email } : {}) },
    {},
    { as: "anonymous" },
  );
}

describe("GET /api/invites", () => {
  it("lists the pending invites with role, email, expiry and who made them; used, revoked and expired ones are gone", async () => {
    const forEditor = await invite({ role: "editor", email: "editor-to-be@factmark.test" });
    const forAnyone = await invite({ role: "viewer" });
    const used = await invite({ role: "reviewer" });
    const expired = await invite({ role: "reviewer" });
    expect((await accept(used.token, "used@factmark.test")).status).toBe(201);
    await db.invite.update({ where: { id: hashSecretToken(expired.token) }, data: { expiresAt: new Date(1000) } });

    const items = await pendingInvites();
    expect(items.map((item) => item.id).sort()).toEqual(
      [forEditor, forAnyone].map((each) => hashSecretToken(each.token)).sort(),
    );
    expect(items.find((item) => item.role === "editor")).toEqual({
      id: hashSecretToken(forEditor.token),
      role: "editor",
      email: "editor-to-be@factmark.test",
      expiresAt: forEditor.expiresAt,
      createdAt: expect.any(String),
      createdBy: { id: SEED_ADMIN.id, name: SEED_ADMIN.name },
    });
    // The list never gives a link back: only the token's hash, which cannot be redeemed.
    expect(JSON.stringify(items)).not.toContain(forEditor.token);
    await expectApiError(await accept(hashSecretToken(forAnyone.token)), 400, "VALIDATION_FAILED");
  });

  it("is for admins only", async () => {
    await expectApiError(await testApp.as("editor").request("GET", "/api/invites"), 403, "FORBIDDEN");
    await expectApiError(await testApp.as("anonymous").request("GET", "/api/invites"), 401, "UNAUTHENTICATED");
  });
});

describe("DELETE /api/invites/:id", () => {
  it("revokes a pending invite: its link answers 404 as a used one does, and cannot be redeemed", async () => {
    const pending = await invite({ role: "reviewer" });
    const id = hashSecretToken(pending.token);
    const revoked = await request("DELETE", `/api/invites/${id}`);
    expect(revoked.status).toBe(204);
    expect((await pendingInvites()).map((item) => item.id)).not.toContain(id);

    const looked = await expectApiError(
      await request("GET", `/api/invites/${pending.token}`, undefined, {}, { as: "anonymous" }),
      404,
      "NOT_FOUND",
    );
    expect(looked.message).toMatch(/not valid/);
    await expectApiError(
      await expectUnchanged(db, () => accept(pending.token, "too-late@factmark.test")),
      404,
      "NOT_FOUND",
    );
  });

  it("answers 404 for an invite already revoked, used or unknown, 400 for a malformed id, 403 to non-admins, changing nothing", async () => {
    const pending = await invite({ role: "viewer" });
    const id = hashSecretToken(pending.token);
    expect((await request("DELETE", `/api/invites/${id}`)).status).toBe(204);
    await expectApiError(await expectUnchanged(db, () => request("DELETE", `/api/invites/${id}`)), 404, "NOT_FOUND");

    const used = await invite({ role: "viewer" });
    expect((await accept(used.token, "used-then-revoked@factmark.test")).status).toBe(201);
    await expectApiError(
      await expectUnchanged(db, () => request("DELETE", `/api/invites/${hashSecretToken(used.token)}`)),
      404,
      "NOT_FOUND",
    );
    await expectApiError(
      await expectUnchanged(db, () => request("DELETE", `/api/invites/${"0".repeat(64)}`)),
      404,
      "NOT_FOUND",
    );
    for (const malformed of [used.token, "x", "F".repeat(64), `${"0".repeat(63)}g`]) {
      await expectApiError(
        await expectUnchanged(db, () => request("DELETE", `/api/invites/${malformed}`)),
        400,
        "VALIDATION_FAILED",
      );
    }
    const other = await invite({ role: "viewer" });
    await expectApiError(
      await expectUnchanged(db, () =>
        testApp.as("editor").request("DELETE", `/api/invites/${hashSecretToken(other.token)}`),
      ),
      403,
      "FORBIDDEN",
    );
  });
});
