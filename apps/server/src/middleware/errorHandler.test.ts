import { ZApiError } from "@factmark/core";
import { Hono } from "hono";
import { expect, it } from "vitest";
import { handleError } from "./errorHandler";

it("answers a write the database could not start in time with 503 BUSY and Retry-After, not a 500", async () => {
  const app = new Hono();
  app.onError(handleError);
  app.post("/write", () => {
    throw Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), {
      code: "P2028",
    });
  });
  const response = await app.request("/write", { method: "POST" });
  expect(response.status).toBe(503);
  expect(response.headers.get("Retry-After")).toBe("1");
  expect(ZApiError.parse(await response.json()).error.code).toBe("BUSY");
});

it("answers a request the database could not be reached for with 503 BUSY and Retry-After, saying so", async () => {
  const app = new Hono();
  app.onError(handleError);
  app.post("/write", () => {
    throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
  });
  const response = await app.request("/write", { method: "POST" });
  expect(response.status).toBe(503);
  expect(response.headers.get("Retry-After")).toBe("5");
  const { error } = ZApiError.parse(await response.json());
  expect(error.code).toBe("BUSY");
  expect(error.message).toBe("The database cannot be reached right now. Try again in a moment.");
});
