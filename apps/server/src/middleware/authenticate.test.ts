import { describe, expect, it } from "vitest";
import { listApiRoutes } from "../routes/listApiRoutes";
import { createTestApp } from "../test/createTestApp";

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
});
