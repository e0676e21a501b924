import type { Role } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { hashSecretToken } from "../auth/secretToken";
import { SESSION_COOKIE } from "../auth/sessionCookie";
import { startSession } from "../domain/startSession";
import { listApiRoutes } from "../routes/listApiRoutes";
import { createTestApp, type TestApp } from "../test/createTestApp";

let accounts = 0;

/** A new account of `role` signed in once: its id, its session's stored id, and a request sent with its cookie. */
async function signInNewAccount({ db, request }: TestApp, role: Role = "reviewer") {
  const accountId = `session-check-${++accounts}`;
  await db.account.create({
    data: {
      id: accountId,
      name: `Session check ${accounts}`,
      role,
      email: `${accountId}@factmark.test`,
      passwordHash: "x",
    },
  });
  const { token } = await startSession(db, accountId, 60 * 60 * 1000);
  const send = (method: string, url: string, body?: unknown) =>
    request(method, url, body, { cookie: `${SESSION_COOKIE}=${token}` });
  return { accountId, sessionId: hashSecretToken(token), send };
}

/** The routes open without a session, as they were when public routes were a list of paths. */
const PUBLIC_ROUTES = [
  "GET /api/auth/me",
  "GET /api/invites/{token}",
  "GET /api/openapi.json",
  "POST /api/auth/login",
  "POST /api/auth/setup",
  "POST /api/invites/{token}/accept",
];

describe("authenticate", () => {
  it("opens setup, login, who-am-I, invites and the API document without a session, and answers 401 on every other route", async () => {
    const { app, request } = await createTestApp();
    const answers = new Map<string, number>();
    for (const route of listApiRoutes(app)) {
      const url = route.path.replace(/\{[^}]+\}/g, "x");
      const response = await request(route.method, url, undefined, {}, { as: "anonymous" });
      answers.set(route.name, response.status);
    }
    const open = [...answers].filter(([, status]) => status !== 401).map(([name]) => name);
    expect(open.sort()).toEqual(PUBLIC_ROUTES);
    expect(answers.size).toBeGreaterThan(40);
  });

  it("answers 401 without a session on a path no route has", async () => {
    const { request } = await createTestApp();
    const response = await request("GET", "/api/nothing-here", undefined, {}, { as: "anonymous" });
    expect(response.status).toBe(401);
  });

  // Each case first succeeds with the session, then changes the stored rows the way no request of this session
  // would see coming (another admin, another instance, the clock): the very next request must be refused.
  it("refuses a session revoked since its last request", async () => {
    const testApp = await createTestApp();
    const { sessionId, send } = await signInNewAccount(testApp);
    expect((await send("GET", "/api/articles")).status).toBe(200);
    await testApp.db.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    expect((await send("GET", "/api/articles")).status).toBe(401);
  });

  it("refuses a session that expired since its last request", async () => {
    const testApp = await createTestApp();
    const { sessionId, send } = await signInNewAccount(testApp);
    expect((await send("GET", "/api/articles")).status).toBe(200);
    await testApp.db.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await send("GET", "/api/articles")).status).toBe(401);
  });

  it("refuses a session whose account was deactivated or lost its password since its last request", async () => {
    const testApp = await createTestApp();
    const deactivated = await signInNewAccount(testApp);
    const withoutPassword = await signInNewAccount(testApp);
    expect((await deactivated.send("GET", "/api/articles")).status).toBe(200);
    expect((await withoutPassword.send("GET", "/api/articles")).status).toBe(200);
    // Straight to the rows, leaving the sessions live: the session check itself must look at the account.
    await testApp.db.account.update({ where: { id: deactivated.accountId }, data: { deactivatedAt: new Date() } });
    await testApp.db.account.update({ where: { id: withoutPassword.accountId }, data: { passwordHash: null } });
    expect((await deactivated.send("GET", "/api/articles")).status).toBe(401);
    expect((await withoutPassword.send("GET", "/api/articles")).status).toBe(401);
  });

  it("acts with the account's current role, changed since the session's last request", async () => {
    const testApp = await createTestApp();
    const { accountId, send } = await signInNewAccount(testApp, "editor");
    const article = { title: "Role check", format: "text", content: "Some words." };
    expect((await send("POST", "/api/articles", article)).status).toBe(201);
    // An editor made reviewer, who may not add articles.
    await testApp.db.account.update({ where: { id: accountId }, data: { role: "reviewer" } });
    const refused = await send("POST", "/api/articles", article);
    expect(refused.status).toBe(403);
    expect(await testApp.db.article.count({ where: { title: "Role check" } })).toBe(1);
  });
});
