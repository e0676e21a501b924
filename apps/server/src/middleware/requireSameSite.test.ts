import { ZApiError } from "@factmark/core";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { handleError } from "./errorHandler";
import { requireSameSiteFor } from "./requireSameSite";

/** A write endpoint behind the check, as app.ts puts it before every POST, PUT, PATCH and DELETE. */
function appWith(publicUrl: string | undefined) {
  const app = new Hono();
  app.onError(handleError);
  app.use("*", requireSameSiteFor({ publicUrl }));
  app.post("*", (c) => c.json({ ok: true }, 201));
  return (url: string, headers: Record<string, string> = {}) => app.request(url, { method: "POST", headers });
}

async function expectRefused(response: Response, message: RegExp = /only from Factmark's own pages/) {
  expect(response.status).toBe(403);
  const { error } = ZApiError.parse(await response.json());
  expect(error.code).toBe("FORBIDDEN");
  expect(error.message).toMatch(message);
}

describe("requireSameSite with PUBLIC_URL set", () => {
  const send = appWith("https://factmark.example.org");

  it("accepts a write from PUBLIC_URL's origin, whatever Host the request names", async () => {
    const fromOwnPage = { origin: "https://factmark.example.org", "sec-fetch-site": "same-origin" };
    expect((await send("http://127.0.0.1:3000/api/x", fromOwnPage)).status).toBe(201);
    expect((await send("http://factmark.example.org/api/x", { origin: "https://factmark.example.org" })).status).toBe(
      201,
    );
  });

  it("refuses an Origin that is not PUBLIC_URL's, even when Host agrees with it (a forged Host, DNS rebinding)", async () => {
    await expectRefused(await send("http://evil.example/api/x", { origin: "http://evil.example" }));
    await expectRefused(
      await send("http://evil.example/api/x", { origin: "http://evil.example", "sec-fetch-site": "same-origin" }),
    );
    // Same host, another scheme or port, is another origin.
    await expectRefused(await send("http://factmark.example.org/api/x", { origin: "http://factmark.example.org" }));
    await expectRefused(
      await send("https://factmark.example.org/api/x", { origin: "https://factmark.example.org:8443" }),
    );
  });

  it("refuses what a browser says is cross-site, and the opaque origin null", async () => {
    await expectRefused(
      await send("https://factmark.example.org/api/x", {
        origin: "https://factmark.example.org",
        "sec-fetch-site": "cross-site",
      }),
    );
    await expectRefused(await send("https://factmark.example.org/api/x", { "sec-fetch-site": "same-site" }));
    await expectRefused(await send("https://factmark.example.org/api/x", { origin: "null" }));
  });

  it("lets clients that are not browsers through: they send neither Origin nor Sec-Fetch-Site", async () => {
    expect((await send("http://anything.example/api/x")).status).toBe(201);
  });
});

describe("requireSameSite without PUBLIC_URL (a developer's machine)", () => {
  const send = appWith(undefined);

  it("accepts a write from the page's own origin on localhost or an IP address, and through the dev proxy", async () => {
    expect((await send("http://localhost:3000/api/x", { origin: "http://localhost:3000" })).status).toBe(201);
    expect((await send("http://127.0.0.1:3000/api/x", { origin: "http://127.0.0.1:3000" })).status).toBe(201);
    expect((await send("http://[::1]:3000/api/x", { origin: "http://[::1]:3000" })).status).toBe(201);
    expect((await send("http://192.168.1.20:3000/api/x", { origin: "http://192.168.1.20:3000" })).status).toBe(201);
    // Vite's proxy on :5173 passes the write on; the browser's Sec-Fetch-Site still says same-origin.
    const proxied = { origin: "http://localhost:5173", "sec-fetch-site": "same-origin" };
    expect((await send("http://127.0.0.1:3000/api/x", proxied)).status).toBe(201);
  });

  it("refuses a foreign Origin, and a browser write to a host name that could be anyone's (DNS rebinding)", async () => {
    await expectRefused(await send("http://localhost:3000/api/x", { origin: "https://evil.example" }));
    // evil.example resolved to 127.0.0.1: the browser calls it same-origin, and Host agrees with Origin.
    const rebound = { origin: "http://evil.example:3000", "sec-fetch-site": "same-origin" };
    await expectRefused(await send("http://evil.example:3000/api/x", rebound), /PUBLIC_URL/);
    await expectRefused(await send("http://evil.example/api/x", { origin: "http://evil.example" }), /PUBLIC_URL/);
  });

  it("lets clients that are not browsers through", async () => {
    expect((await send("http://evil.example/api/x")).status).toBe(201);
  });
});
