import { Hono } from "hono";
import { compress } from "hono/compress";
import { describe, expect, it } from "vitest";
import { varyOnEncoding } from "./varyOnEncoding";

function appWith(route: (app: Hono) => void): Hono {
  const app = new Hono();
  app.use("*", compress());
  app.use("*", varyOnEncoding());
  route(app);
  return app;
}

describe("varyOnEncoding", () => {
  it("tells caches a JSON answer varies by Accept-Encoding, compressed or not", async () => {
    const app = appWith((routes) => routes.get("/claim", (c) => c.json({ id: "c1", verdict: "supported" })));
    const plain = await app.request("/claim");
    expect(plain.headers.get("Vary")).toBe("Accept-Encoding");
    expect(await plain.json()).toEqual({ id: "c1", verdict: "supported" });
    const big = appWith((routes) => routes.get("/list", (c) => c.json({ items: "x".repeat(5_000) })));
    const gzipped = await big.request("/list", { headers: { "Accept-Encoding": "gzip" } });
    expect(gzipped.headers.get("Content-Encoding")).toBe("gzip");
    expect(gzipped.headers.get("Vary")).toBe("Accept-Encoding");
  });

  it("keeps the route's own Vary, adds Accept-Encoding once, and leaves Vary: * alone", async () => {
    const app = appWith((routes) => {
      routes.get("/annotation", (c) => c.json({ id: "a1" }, 200, { Vary: "Accept" }));
      routes.get("/already", (c) => c.json({ id: "a2" }, 200, { Vary: "accept-encoding, Accept" }));
      routes.get("/anything", (c) => c.json({ id: "a3" }, 200, { Vary: "*" }));
    });
    expect((await app.request("/annotation")).headers.get("Vary")).toBe("Accept, Accept-Encoding");
    expect((await app.request("/already")).headers.get("Vary")).toBe("accept-encoding, Accept");
    expect((await app.request("/anything")).headers.get("Vary")).toBe("*");
  });

  it("adds nothing to an answer compress() would not compress (an image)", async () => {
    const app = appWith((routes) =>
      routes.get("/logo.png", (c) => c.body(new Uint8Array([137, 80, 78, 71]), 200, { "Content-Type": "image/png" })),
    );
    expect((await app.request("/logo.png")).headers.get("Vary")).toBeNull();
  });
});
