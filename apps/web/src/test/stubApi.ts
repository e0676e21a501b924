import { afterEach, vi } from "vitest";

afterEach(() => {
  vi.unstubAllGlobals();
});

/** What a stubbed route answers: a status and a JSON body, or a function of the request that gives them. */
export type StubAnswer =
  | { status: number; body?: unknown }
  | ((request: { url: string; query: URLSearchParams; method: string; headers: Headers; body: unknown }) => {
      status: number;
      body?: unknown;
    });

/** A JSON error answer in the API's envelope. */
export function errorAnswer(status: number, code: string, message = "Refused.", details?: unknown) {
  return { status, body: { error: { code, message, details } } };
}

/**
 * Stubs `globalThis.fetch`, the HTTP boundary, with answers keyed by "METHOD /path".
 * An array of answers is used one after another (the last one repeats). Unknown routes get a 404
 * in the API's envelope. Answers are built afresh per call, since a Response can be read once.
 */
export function stubApi(routes: Record<string, StubAnswer | StubAnswer[]>) {
  const used = new Map<string, number>();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? "GET").toUpperCase();
    const path = url.split("?")[0] ?? url;
    const key = `${method} ${path}`;
    const route = routes[key];
    if (!route) return jsonResponse(errorAnswer(404, "NOT_FOUND", `No stub for ${key}.`));
    const answers = Array.isArray(route) ? route : [route];
    const index = used.get(key) ?? 0;
    used.set(key, index + 1);
    const answer = answers[Math.min(index, answers.length - 1)] as StubAnswer;
    const headers = new Headers(init.headers);
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    const query = new URLSearchParams(url.split("?")[1] ?? "");
    return jsonResponse(typeof answer === "function" ? answer({ url: path, query, method, headers, body }) : answer);
  });
  vi.stubGlobal("fetch", fetchMock);
  return {
    fetchMock,
    /** The requests sent to one "METHOD /path", with their JSON bodies and headers. */
    requestsTo(key: string) {
      return fetchMock.mock.calls
        .filter(([input, init]) => `${(init?.method ?? "GET").toUpperCase()} ${String(input).split("?")[0]}` === key)
        .map(([, init]) => ({
          body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
          headers: new Headers(init?.headers),
        }));
    },
  };
}

function jsonResponse({ status, body }: { status: number; body?: unknown }): Response {
  if (body === undefined) return new Response(null, { status });
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}
