import { ZApiError } from "@factmark/core";
import { Hono } from "hono";
import { expect, it, vi } from "vitest";
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

it("answers a request that found no free database connection with 503 BUSY, saying so, and logs it", async () => {
  const app = new Hono();
  app.onError(handleError);
  const noFreeConnection = () => {
    throw new Error("timeout exceeded when trying to connect");
  };
  app.get("/read", noFreeConnection);
  app.post("/write", noFreeConnection);
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    const read = await app.request("/read");
    expect(read.status).toBe(503);
    expect(read.headers.get("Retry-After")).toBe("1");
    const readError = ZApiError.parse(await read.json()).error;
    expect(readError.code).toBe("BUSY");
    expect(readError.message).toBe(
      "The server is busy right now: no database connection came free in time. Try again in a moment.",
    );
    const write = await app.request("/write", { method: "POST" });
    expect(ZApiError.parse(await write.json()).error.message).toBe(
      "The server is busy right now: no database connection came free in time; nothing was saved. Try again in a moment.",
    );
    // An operator sees why requests fail: every connection busy, whether with load or a database slow to answer.
    expect(logged.mock.calls.map((call) => String(call[0]))).toEqual([
      "GET /read: no database connection came free in time (timeout exceeded when trying to connect)",
      "POST /write: no database connection came free in time (timeout exceeded when trying to connect)",
    ]);
  } finally {
    logged.mockRestore();
  }
});

it("answers a write whose transaction ran past its time with 503 BUSY saying so, logged on one line", async () => {
  const app = new Hono();
  app.onError(handleError);
  app.post("/write", () => {
    throw Object.assign(
      new Error(
        "\nInvalid `prisma.$queryRaw()` invocation:\n\n\nTransaction API error: A query cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 7035 ms passed since the start of the transaction. Consider increasing the interactive transaction timeout or doing less work in the transaction.",
      ),
      { code: "P2028" },
    );
  });
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    const response = await app.request("/write", { method: "POST" });
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("1");
    const { error } = ZApiError.parse(await response.json());
    expect(error.code).toBe("BUSY");
    expect(error.message).toBe(
      "This request waited too long for other changes and was stopped; nothing was saved. Try again in a moment.",
    );
    expect(logged.mock.calls.map((call) => String(call[0]))).toEqual([
      "POST /write: its database work was given up before it finished (Transaction API error: A query cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 7035 ms passed since the start of the transaction. Consider increasing the interactive transaction timeout or doing less work in the transaction.)",
    ]);
  } finally {
    logged.mockRestore();
  }
});
