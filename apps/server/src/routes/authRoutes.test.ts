import { ZAuthState, ZInviteCreated, ZInviteInfo, ZUser, ZUserList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../auth/sessionCookie";
import { startSession } from "../domain/startSession";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { buildArticle } from "../test/buildArticle";
import { createTestApp, TEST_ADMIN } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

/** The session cookie a response sets, as a Cookie header. */
function sessionCookieOf(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  const match = new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(header);
  if (!match?.[1]) throw new Error(`No session cookie in ${JSON.stringify(header)}.`);
  return `${SESSION_COOKIE}=${match[1]}`;
}

describe("first run: POST /api/auth/setup", () => {
  it("makes the local reviewer the first admin, keeps its work attributed, signs in, and runs once", async () => {
    const { db, request } = await createTestApp({ isSetUp: false });
    const article = await buildArticle(db);
    expect(ZAuthState.parse(await (await request("GET", "/api/auth/me")).json())).toEqual({
      user: null,
      isSetupRequired: true,
    });
    await expectApiError(await request("GET", "/api/articles"), 401, "UNAUTHENTICATED");

    const response = await request("POST", "/api/auth/setup", {
      email: "  Editor-In-Chief@Example.ORG ",
      password: "a long enough password",
      name: "Ana Editor",
    });
    expect(response.status).toBe(201);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const { user } = ZAuthState.parse(await response.json());
    expect(user).toMatchObject({
      id: SEED_ADMIN.id,
      name: "Ana Editor",
      email: "editor-in-chief@example.org",
      role: "admin",
    });

    const cookie = sessionCookieOf(response);
    const me = ZAuthState.parse(await (await request("GET", "/api/auth/me", undefined, { cookie })).json());
    expect(me).toMatchObject({ user: { id: SEED_ADMIN.id }, isSetupRequired: false });
    const stored = await request("GET", `/api/articles/${article.id}`, undefined, { cookie });
    expect(stored.status).toBe(200);
    // The sample's author is the admin now, by name.
    const history = await (await request("GET", "/api/articles", undefined, { cookie })).json();
    expect(history.items.length).toBe(1);

    const again = await expectUnchanged(db, () =>
      request("POST", "/api/auth/setup", { email: "other@example.org", password: "another password", name: "Other" }),
    );
    await expectApiError(again, 409, "CONFLICT");
    expect(ZAuthState.parse(await (await request("GET", "/api/auth/me")).json()).isSetupRequired).toBe(false);
  });

  it("refuses a short password and a bad email with 400, changing nothing", async () => {
    const { db, request } = await createTestApp({ isSetUp: false });
    for (const body of [
      { email: "a@example.org", password: "short", name: "A" },
      { email: "not an email", password: "long enough password", name: "A" },
      { email: "a@example.org", password: "long enough password", name: "   " },
      { email: "a@example.org", password: "long enough password", name: "A", role: "admin" },
    ]) {
      await expectApiError(
        await expectUnchanged(db, () => request("POST", "/api/auth/setup", body)),
        400,
        "VALIDATION_FAILED",
      );
    }
  });

  it("sets Secure on the cookie over https, and behind a trusted proxy that says https", async () => {
    const direct = await createTestApp({ isSetUp: false });
    const response = await direct.app.request("https://factmark.example.org/api/auth/setup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@example.org", password: "long enough password", name: "A" }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("set-cookie")).toMatch(/Secure/);

    const proxied = await createTestApp({ isSetUp: false, security: { trustProxy: true } });
    const behindProxy = await proxied.request(
      "POST",
      "/api/auth/setup",
      { email: "a@example.org", password: "long enough password", name: "A" },
      { "x-forwarded-proto": "https" },
    );
    expect(behindProxy.headers.get("set-cookie")).toMatch(/Secure/);
  });
});

describe("POST /api/auth/login and /api/auth/logout", () => {
  it("signs in with the right password, and logout revokes the session on the server", async () => {
    const { request } = await createTestApp();
    const response = await request(
      "POST",
      "/api/auth/login",
      { email: TEST_ADMIN.email.toUpperCase(), password: TEST_ADMIN.password },
      {},
      { as: "anonymous" },
    );
    expect(response.status).toBe(200);
    expect(ZAuthState.parse(await response.json()).user).toMatchObject({ id: SEED_ADMIN.id, role: "admin" });
    const cookie = sessionCookieOf(response);
    expect((await request("GET", "/api/articles", undefined, { cookie })).status).toBe(200);

    const loggedOut = await request("POST", "/api/auth/logout", undefined, { cookie });
    expect(loggedOut.status).toBe(204);
    expect(loggedOut.headers.get("set-cookie")).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    // The same cookie, replayed, opens nothing.
    await expectApiError(await request("GET", "/api/articles", undefined, { cookie }), 401, "UNAUTHENTICATED");
  });

  it("opens nothing with a session that has expired, or whose account lost its password", async () => {
    const { db, request } = await createTestApp();
    const expired = await startSession(db, SEED_ADMIN.id, -1000);
    const expiredCookie = `${SESSION_COOKIE}=${expired.token}`;
    await expectApiError(
      await request("GET", "/api/articles", undefined, { cookie: expiredCookie }),
      401,
      "UNAUTHENTICATED",
    );

    const live = await startSession(db, SEED_ADMIN.id, 60_000);
    const liveCookie = `${SESSION_COOKIE}=${live.token}`;
    expect((await request("GET", "/api/articles", undefined, { cookie: liveCookie })).status).toBe(200);
    await db.account.update({ where: { id: SEED_ADMIN.id }, data: { passwordHash: null } });
    await expectApiError(
      await request("GET", "/api/articles", undefined, { cookie: liveCookie }),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("answers an unknown email and a wrong password alike, in the same time", async () => {
    // A floor well above what scrypt takes on a loaded 2-core machine (it took over 300 ms while CI ran
    // beside other work), so the comparison measures the floor, as an attacker's timing would.
    const { request } = await createTestApp({ security: { loginFailureMs: 800 } });
    const attempt = async (email: string, password: string) => {
      const startedAt = performance.now();
      const response = await request("POST", "/api/auth/login", { email, password }, {}, { as: "anonymous" });
      const error = await expectApiError(response, 401, "UNAUTHENTICATED");
      return { message: error.message, ms: performance.now() - startedAt, cookie: response.headers.get("set-cookie") };
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    const unknown = [];
    const wrong = [];
    for (let round = 0; round < 3; round += 1) {
      unknown.push(await attempt("nobody@example.org", TEST_ADMIN.password));
      wrong.push(await attempt(TEST_ADMIN.email, "not the password at all"));
    }
    expect(unknown[0]?.message).toBe(wrong[0]?.message);
    expect(unknown.every((result) => result.cookie === null)).toBe(true);
    for (const { ms } of [...unknown, ...wrong]) expect(ms).toBeGreaterThanOrEqual(795);
    const unknownMs = median(unknown.map((result) => result.ms));
    const wrongMs = median(wrong.map((result) => result.ms));
    expect(Math.abs(unknownMs - wrongMs)).toBeLessThan(150);
  });

  it("limits login attempts per address with 429 and Retry-After", async () => {
    const { request } = await createTestApp({ security: { loginLimit: { capacity: 3, perMinute: 3 } } });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let attempt = 0; attempt < 4; attempt++) {
      last = await request(
        "POST",
        "/api/auth/login",
        { email: "x@example.org", password: "nope" },
        {},
        { as: "anonymous" },
      );
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    await expectApiError(last as Response, 429, "RATE_LIMITED");
  });

  it("uses X-Forwarded-For for the limit only behind a trusted proxy", async () => {
    const limit = { capacity: 1, perMinute: 1 };
    const untrusted = await createTestApp({ security: { loginLimit: limit } });
    const trusted = await createTestApp({ security: { loginLimit: limit, trustProxy: true } });
    const body = { email: "x@example.org", password: "nope" };
    const send = (app: typeof untrusted, forwardedFor: string) =>
      app.request("POST", "/api/auth/login", body, { "x-forwarded-for": forwardedFor }, { as: "anonymous" });
    expect((await send(untrusted, "198.51.100.1")).status).toBe(401);
    // A client cannot buy a new allowance by inventing addresses.
    expect((await send(untrusted, "198.51.100.2")).status).toBe(429);
    expect((await send(trusted, "198.51.100.1")).status).toBe(401);
    expect((await send(trusted, "198.51.100.2")).status).toBe(401);
    expect((await send(trusted, "203.0.113.9, 198.51.100.2")).status).toBe(429);
  });
});

describe("POST /api/auth/password", () => {
  it("checks the current password, then signs out every other session", async () => {
    const { request } = await createTestApp();
    const login = () =>
      request(
        "POST",
        "/api/auth/login",
        { email: TEST_ADMIN.email, password: TEST_ADMIN.password },
        {},
        { as: "anonymous" },
      );
    const here = sessionCookieOf(await login());
    const elsewhere = sessionCookieOf(await login());

    const wrong = await request(
      "POST",
      "/api/auth/password",
      { currentPassword: "not it", newPassword: "a brand new password" },
      { cookie: here },
    );
    await expectApiError(wrong, 403, "FORBIDDEN");
    expect((await request("GET", "/api/articles", undefined, { cookie: elsewhere })).status).toBe(200);

    const changed = await request(
      "POST",
      "/api/auth/password",
      { currentPassword: TEST_ADMIN.password, newPassword: "a brand new password" },
      { cookie: here },
    );
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { revokedSessions: number }).revokedSessions).toBeGreaterThanOrEqual(2);
    expect((await request("GET", "/api/articles", undefined, { cookie: here })).status).toBe(200);
    await expectApiError(
      await request("GET", "/api/articles", undefined, { cookie: elsewhere }),
      401,
      "UNAUTHENTICATED",
    );
    await expectApiError(await login(), 401, "UNAUTHENTICATED");
    const withNew = await request(
      "POST",
      "/api/auth/login",
      { email: TEST_ADMIN.email, password: "a brand new password" },
      {},
      { as: "anonymous" },
    );
    expect(withNew.status).toBe(200);
  });

  it("answers a wrong current password no sooner than a failed login does", async () => {
    const { db, request } = await createTestApp({ security: { loginFailureMs: 600 } });
    const startedAt = performance.now();
    const wrong = await expectUnchanged(db, () =>
      request("POST", "/api/auth/password", { currentPassword: "a guess", newPassword: "a brand new password" }),
    );
    await expectApiError(wrong, 403, "FORBIDDEN");
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(595);
  });

  it("limits guesses at the current password per account with 429 and Retry-After, whichever session asks", async () => {
    const testApp = await createTestApp({ security: { loginLimit: { capacity: 3, perMinute: 3 } } });
    const { db, request } = testApp;
    const guess = (cookie: string, password = "a guess", headers: Record<string, string> = {}) =>
      request(
        "POST",
        "/api/auth/password",
        { currentPassword: password, newPassword: "a brand new password" },
        {
          cookie,
          ...headers,
        },
      );
    const sessions = await Promise.all(
      [1, 2, 3, 4].map(async () => `${SESSION_COOKIE}=${(await startSession(db, SEED_ADMIN.id, 60_000)).token}`),
    );
    for (const [index, cookie] of sessions.slice(0, 3).entries()) {
      await expectApiError(
        await guess(cookie, "a guess", { "x-forwarded-for": `198.51.100.${index}` }),
        403,
        "FORBIDDEN",
      );
    }
    // Another session from another address buys no new guess; even the right password waits.
    const limited = await expectUnchanged(db, () =>
      guess(sessions[3] as string, TEST_ADMIN.password, { "x-forwarded-for": "203.0.113.9" }),
    );
    await expectApiError(limited, 429, "RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Other accounts keep their own allowance, and so does signing in.
    await expectApiError(await guess(await testApp.cookieFor("reviewer")), 403, "FORBIDDEN");
    const login = await request("POST", "/api/auth/login", TEST_ADMIN, {}, { as: "anonymous" });
    expect(login.status).toBe(200);
  });
});

describe("/api/users", () => {
  it("lists accounts without their password hashes, and changes a role with If-Match", async () => {
    const testApp = await createTestApp();
    const viewer = await testApp.userFor("viewer");
    const listed = await testApp.request("GET", "/api/users");
    const text = await listed.clone().text();
    expect(text).not.toMatch(/passwordHash|scrypt/);
    const users = ZUserList.parse(await listed.json()).items;
    const row = users.find((user) => user.id === viewer.id);
    expect(row).toMatchObject({ role: "viewer", email: "viewer@factmark.test" });

    const promoted = await testApp.request(
      "PATCH",
      `/api/users/${viewer.id}`,
      { role: "editor" },
      { "If-Match": `"${row?.version}"` },
    );
    expect(promoted.status).toBe(200);
    const updated = ZUser.parse(await promoted.json());
    expect(updated).toMatchObject({ role: "editor", version: (row?.version ?? 0) + 1 });
    expect(promoted.headers.get("etag")).toBe(`"${updated.version}"`);
    // The new role holds from the account's next request, with its old session.
    expect((await testApp.as("viewer").request("POST", "/api/articles/import", {})).status).toBe(400);

    const stale = await testApp.request(
      "PATCH",
      `/api/users/${viewer.id}`,
      { role: "viewer" },
      { "If-Match": `"${row?.version}"` },
    );
    expect((await expectApiError(stale, 412, "PRECONDITION_FAILED")).details).toMatchObject({
      current: { role: "editor" },
    });
    await expectApiError(
      await testApp.request("PATCH", `/api/users/${viewer.id}`, { role: "viewer" }),
      428,
      "PRECONDITION_REQUIRED",
    );
    await expectApiError(
      await testApp.request("PATCH", "/api/users/nobody", { role: "viewer" }, { "If-Match": '"1"' }),
      404,
      "NOT_FOUND",
    );
  });

  it("keeps the last admin an admin", async () => {
    const { db, request } = await createTestApp();
    const admin = await db.account.findUniqueOrThrow({ where: { id: SEED_ADMIN.id } });
    const response = await expectUnchanged(db, () =>
      request("PATCH", `/api/users/${admin.id}`, { role: "editor" }, { "If-Match": `"${admin.version}"` }),
    );
    await expectApiError(response, 409, "CONFLICT");
  });
});

describe("/api/invites", () => {
  it("invites by link: 201 with the token once, redeemed once into an account of that role, signed in", async () => {
    const testApp = await createTestApp();
    const { db, request } = testApp;
    const created = await request("POST", "/api/invites", { role: "reviewer" });
    expect(created.status).toBe(201);
    const invite = ZInviteCreated.parse(await created.json());
    expect(invite.url).toBe(`http://localhost/invite/${invite.token}`);
    // Only the token's hash is stored.
    expect(JSON.stringify(await db.invite.findMany())).not.toContain(invite.token);

    const info = ZInviteInfo.parse(
      await (await request("GET", `/api/invites/${invite.token}`, undefined, {}, { as: "anonymous" })).json(),
    );
    expect(info).toMatchObject({ role: "reviewer", email: null });

    const accept = (body: unknown) =>
      request("POST", `/api/invites/${invite.token}/accept`, body, {}, { as: "anonymous" });
    await expectApiError(
      await accept({ name: "Rita Reviewer", password: "a long enough password" }),
      400,
      "VALIDATION_FAILED",
    );
    const accepted = await accept({
      name: "Rita Reviewer",
      password: "a long enough password",
      email: "rita@example.org",
    });
    expect(accepted.status).toBe(201);
    const { user } = ZAuthState.parse(await accepted.json());
    expect(user).toMatchObject({ name: "Rita Reviewer", role: "reviewer", email: "rita@example.org" });

    // Signed in as that reviewer: may mark claims, may not invite.
    const cookie = sessionCookieOf(accepted);
    const article = await buildArticle(db);
    const start = article.text.indexOf("dozens");
    const claim = await request(
      "POST",
      `/api/articles/${article.id}/claims`,
      { selectors: { position: { start, end: start + 6 } } },
      { cookie },
    );
    expect(claim.status).toBe(201);
    expect(await claim.json()).toMatchObject({ createdBy: { id: user?.id, name: "Rita Reviewer" } });
    await expectApiError(await request("POST", "/api/invites", { role: "admin" }, { cookie }), 403, "FORBIDDEN");

    const again = await expectUnchanged(db, () =>
      accept({ name: "Mallory", password: "a long enough password", email: "mallory@example.org" }),
    );
    await expectApiError(again, 404, "NOT_FOUND");
  });

  it("binds an invite to its email, refuses an email with an account, and expires", async () => {
    const { db, request } = await createTestApp({ security: { inviteLifetimeMs: 50 } });
    await expectApiError(
      await request("POST", "/api/invites", { role: "viewer", email: TEST_ADMIN.email }),
      409,
      "CONFLICT",
    );
    const invite = ZInviteCreated.parse(
      await (await request("POST", "/api/invites", { role: "viewer", email: "Vic@Example.org" })).json(),
    );
    expect(invite.email).toBe("vic@example.org");
    await new Promise((resolve) => setTimeout(resolve, 80));
    const late = await expectUnchanged(db, () =>
      request(
        "POST",
        `/api/invites/${invite.token}/accept`,
        { name: "Vic", password: "a long enough password" },
        {},
        { as: "anonymous" },
      ),
    );
    await expectApiError(late, 404, "NOT_FOUND");
  });

  it("refuses a malformed token with 400 and an unknown one with 404", async () => {
    const { request } = await createTestApp();
    await expectApiError(
      await request("GET", "/api/invites/..%2F..%2Fetc", undefined, {}, { as: "anonymous" }),
      400,
      "VALIDATION_FAILED",
    );
    await expectApiError(
      await request("GET", `/api/invites/${"A".repeat(43)}`, undefined, {}, { as: "anonymous" }),
      404,
      "NOT_FOUND",
    );
  });
});

describe("guards on every API request", () => {
  it("answers 401 without a session, except setup, login, invites, me and the OpenAPI document", async () => {
    const { request } = await createTestApp();
    const anonymous = { as: "anonymous" } as const;
    await expectApiError(await request("GET", "/api/articles", undefined, {}, anonymous), 401, "UNAUTHENTICATED");
    await expectApiError(await request("GET", "/api/users", undefined, {}, anonymous), 401, "UNAUTHENTICATED");
    await expectApiError(await request("POST", "/api/auth/logout", undefined, {}, anonymous), 401, "UNAUTHENTICATED");
    expect((await request("GET", "/api/auth/me", undefined, {}, anonymous)).status).toBe(200);
    expect((await request("GET", "/api/openapi.json", undefined, {}, anonymous)).status).toBe(200);
    await expectApiError(
      await request("GET", "/api/articles", undefined, { cookie: `${SESSION_COOKIE}=${"x".repeat(43)}` }, anonymous),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("refuses a write a browser sends from another site with 403", async () => {
    const { db, request } = await createTestApp();
    const article = await buildArticle(db);
    const start = article.text.indexOf("dozens");
    const body = { selectors: { position: { start, end: start + 6 } } };
    const url = `/api/articles/${article.id}/claims`;
    await expectApiError(
      await expectUnchanged(db, () => request("POST", url, body, { "sec-fetch-site": "cross-site" })),
      403,
      "FORBIDDEN",
    );
    await expectApiError(
      await expectUnchanged(db, () => request("POST", url, body, { origin: "https://evil.example" })),
      403,
      "FORBIDDEN",
    );
    // A host name resolved to this machine by its owner (DNS rebinding): Host and Origin agree, and are not ours.
    const rebound = { "sec-fetch-site": "same-origin", origin: "http://evil.example:3000" };
    await expectApiError(
      await expectUnchanged(db, () => request("POST", `http://evil.example:3000${url}`, body, rebound)),
      403,
      "FORBIDDEN",
    );
    expect(
      (await request("POST", url, body, { "sec-fetch-site": "same-origin", origin: "http://localhost" })).status,
    ).toBe(201);
  });

  it("with PUBLIC_URL, takes browser writes only from its origin, whatever the Host, and makes links from it", async () => {
    const { db, request } = await createTestApp({ security: { publicUrl: "https://factmark.example.org" } });
    const invite = { role: "viewer" };
    for (const [url, origin] of [
      ["http://localhost/api/invites", "http://localhost"],
      ["http://evil.example/api/invites", "http://evil.example"],
    ]) {
      await expectApiError(
        await expectUnchanged(db, () => request("POST", url as string, invite, { origin: origin as string })),
        403,
        "FORBIDDEN",
      );
    }
    const created = await request("POST", "http://127.0.0.1:3000/api/invites", invite, {
      origin: "https://factmark.example.org",
      "sec-fetch-site": "same-origin",
    });
    expect(created.status).toBe(201);
    const { token, url } = ZInviteCreated.parse(await created.json());
    expect(url).toBe(`https://factmark.example.org/invite/${token}`);
  });

  it("limits writes per session with 429 and Retry-After, and other sessions keep writing", async () => {
    const testApp = await createTestApp({ security: { writeLimit: { capacity: 2, perMinute: 2 } } });
    const article = await buildArticle(testApp.db);
    const start = article.text.indexOf("dozens");
    const create = (role: "reviewer" | "editor") =>
      testApp
        .as(role)
        .request("POST", `/api/articles/${article.id}/claims`, { selectors: { position: { start, end: start + 6 } } });
    expect((await create("reviewer")).status).toBe(201);
    expect((await create("reviewer")).status).toBe(201);
    const limited = await create("reviewer");
    await expectApiError(limited, 429, "RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await create("editor")).status).toBe(201);
    // Reads are not writes.
    expect((await testApp.as("reviewer").request("GET", `/api/articles/${article.id}/claims`)).status).toBe(200);
  });
});
