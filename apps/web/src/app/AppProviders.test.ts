import { describe, expect, it } from "vitest";
import { ApiError, unwrap } from "../lib/ApiError";
import { errorAnswer, stubApi } from "../test/stubApi";
import { createQueryClient } from "./AppProviders";

/** Reads `path` through the app's query client; answers how many times it was fetched and whether it failed. */
async function readThroughClient(path: string, answers: Parameters<typeof stubApi>[0]) {
  const api = stubApi(answers);
  const client = createQueryClient();
  // Retries wait a second by default; the policy is what is under test, not the wait.
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retryDelay: 0 } });
  const error = await client.fetchQuery({ queryKey: [path], queryFn: () => unwrap(fetch(path)) }).then(
    () => null,
    (caught: unknown) => caught,
  );
  return { fetches: api.requestsTo(`GET ${path}`).length, error };
}

describe("the app's query client", () => {
  it("takes a refusal (a missing article, a bad address, a session that ended) as the answer, asking once", async () => {
    for (const [status, code] of [
      [404, "NOT_FOUND"],
      [400, "VALIDATION_FAILED"],
      [401, "UNAUTHENTICATED"],
      [403, "FORBIDDEN"],
    ] as const) {
      const { fetches, error } = await readThroughClient("/api/articles/gone", {
        "GET /api/articles/gone": errorAnswer(status, code),
      });
      expect(error, code).toBeInstanceOf(ApiError);
      expect(fetches, code).toBe(1);
    }
  });

  it("asks once more when the server failed or could not be reached, which a second try may get past", async () => {
    const { fetches, error } = await readThroughClient("/api/articles/a", {
      "GET /api/articles/a": [errorAnswer(503, "BUSY"), { status: 200, body: { id: "a" } }],
    });
    expect(error).toBeNull();
    expect(fetches).toBe(2);
  });
});
