import { describe, expect, it } from "vitest";
import { listApiRoutes } from "../routes/listApiRoutes";
import { createTestApp } from "../test/createTestApp";
import { isBodyPolicy } from "./acceptBody";

describe("acceptJson and acceptMultipart", () => {
  it("are declared by every route that writes, so each limits its body and checks its media type", async () => {
    const { app } = await createTestApp();
    const writes = listApiRoutes(app).filter((route) => route.method !== "GET");
    const undeclared = writes.filter((route) => !route.handlers.some(isBodyPolicy)).map((route) => route.name);
    expect(writes.length).toBeGreaterThan(20);
    expect(undeclared).toEqual([]);
  });
});
