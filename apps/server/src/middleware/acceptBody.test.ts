import { AppError } from "@factmark/core";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../env";
import { listApiRoutes } from "../routes/listApiRoutes";
import { createTestApp } from "../test/createTestApp";
import { acceptJson, isBodyPolicy } from "./acceptBody";

describe("acceptJson and acceptMultipart", () => {
  it("are declared by every route that writes, so each limits its body and checks its media type", async () => {
    const { app } = await createTestApp();
    const writes = listApiRoutes(app).filter((route) => route.method !== "GET");
    const undeclared = writes.filter((route) => !route.handlers.some(isBodyPolicy)).map((route) => route.name);
    expect(writes.length).toBeGreaterThan(20);
    expect(undeclared).toEqual([]);
  });
});

describe("acceptJson's further media types", () => {
  /** Two routes, one naming application/ld+json; an AppError answers with its code, as the app's onError does. */
  function appWith() {
    const app = new Hono<AppEnv>();
    app.onError((error, c) => c.text(error instanceof AppError ? error.code : "500", 400));
    app.post("/annotations", acceptJson(1024, { mediaTypes: ["application/ld+json"] }), (c) => c.text("read"));
    app.post("/claims", acceptJson(1024), (c) => c.text("read"));
    return app;
  }
  const send = async (app: Hono<AppEnv>, path: string, type: string) =>
    (await app.request(path, { method: "POST", body: "{}", headers: { "content-type": type } })).text();

  it("are read by the route that names them, with or without parameters, and by no other", async () => {
    const app = appWith();
    expect(await send(app, "/annotations", 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"')).toBe(
      "read",
    );
    expect(await send(app, "/annotations", "application/json")).toBe("read");
    expect(await send(app, "/claims", "application/ld+json")).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await send(app, "/annotations", "text/plain")).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await send(app, "/annotations", "application/x-www-form-urlencoded")).toBe("UNSUPPORTED_MEDIA_TYPE");
  });
});
