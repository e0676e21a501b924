import { ZNewsroomSettings } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../test/createTestApp";
import { dumpDatabase } from "../test/dumpDatabase";
import { expectApiError } from "../test/expectApiError";

const testApp = await createTestApp();
const { db, request } = testApp;
for (const role of ["viewer", "reviewer", "editor"] as const) await testApp.userFor(role);

/** Sends a request and asserts that nothing stored changed, the settings' row included. */
async function expectNothingStored(send: () => Promise<Response>): Promise<Response> {
  const before = await dumpDatabase(db);
  const response = await send();
  expect(await dumpDatabase(db)).toBe(before);
  return response;
}

async function readSettings() {
  const response = await request("GET", "/api/settings");
  expect(response.status).toBe(200);
  const settings = ZNewsroomSettings.parse(await response.json());
  expect(response.headers.get("ETag")).toBe(`"${settings.version}"`);
  return settings;
}

function patchSettings(body: unknown, version: number | undefined, as: "admin" | "editor" = "admin") {
  const headers: Record<string, string> = version === undefined ? {} : { "If-Match": `"${version}"` };
  return testApp.as(as).request("PATCH", "/api/settings", body, headers);
}

describe("GET /api/settings", () => {
  it("answers the defaults, one approval per claim, to any signed-in account, and keeps them", async () => {
    for (const role of ["viewer", "reviewer", "editor", "admin"] as const) {
      const response = await testApp.as(role).request("GET", "/api/settings");
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ requiredApprovals: 1, version: 1 });
    }
    expect(await db.newsroomSettings.count()).toBe(1);
  });

  it("makes one row when many first reads come at once", async () => {
    for (let round = 0; round < 5; round += 1) {
      await db.newsroomSettings.deleteMany();
      const responses = await Promise.all(Array.from({ length: 8 }, () => request("GET", "/api/settings")));
      expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
      for (const response of responses) expect(await response.json()).toEqual({ requiredApprovals: 1, version: 1 });
      expect(await db.newsroomSettings.count()).toBe(1);
    }
  });

  it("needs a session (401)", async () => {
    await expectApiError(await testApp.as("anonymous").request("GET", "/api/settings"), 401, "UNAUTHENTICATED");
  });
});

describe("PATCH /api/settings", () => {
  it("lets an admin make it a two-person rule and back, each change a new version", async () => {
    const { version } = await readSettings();
    const response = await patchSettings({ requiredApprovals: 2 }, version);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ requiredApprovals: 2, version: version + 1 });
    expect(response.headers.get("ETag")).toBe(`"${version + 1}"`);
    expect(await readSettings()).toEqual({ requiredApprovals: 2, version: version + 1 });

    const back = await patchSettings({ requiredApprovals: 1 }, version + 1);
    expect(await back.json()).toEqual({ requiredApprovals: 1, version: version + 2 });
  });

  it("treats the same value again as no change", async () => {
    const current = await readSettings();
    const response = await expectNothingStored(() =>
      patchSettings({ requiredApprovals: current.requiredApprovals }, current.version),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(current);
  });

  describe("refuses, storing nothing", () => {
    it("an editor (403)", async () => {
      const { version } = await readSettings();
      const response = await expectNothingStored(() => patchSettings({ requiredApprovals: 2 }, version, "editor"));
      const error = await expectApiError(response, 403, "FORBIDDEN");
      expect(error.details).toMatchObject({ action: "settings.edit", role: "editor" });
    });

    it("a stale If-Match (412) and a missing one (428)", async () => {
      const { version } = await readSettings();
      const stale = await expectNothingStored(() => patchSettings({ requiredApprovals: 2 }, version + 5));
      const error = await expectApiError(stale, 412, "PRECONDITION_FAILED");
      expect(error.details).toMatchObject({ current: { version } });
      await expectApiError(
        await expectNothingStored(() => patchSettings({ requiredApprovals: 2 }, undefined)),
        428,
        "PRECONDITION_REQUIRED",
      );
    });

    it.each([3, 0, "2", null, 1.5])("requiredApprovals %j (400)", async (requiredApprovals) => {
      const { version } = await readSettings();
      const response = await expectNothingStored(() => patchSettings({ requiredApprovals }, version));
      const error = await expectApiError(response, 400, "VALIDATION_FAILED");
      expect(error.message).toContain("requiredApprovals must be 1 or 2.");
    });

    it("an empty body or an unknown field (400)", async () => {
      const { version } = await readSettings();
      for (const body of [{}, { requiredApprovals: 2, version: 9 }]) {
        const response = await expectNothingStored(() => patchSettings(body, version));
        await expectApiError(response, 400, "VALIDATION_FAILED");
      }
    });
  });
});
