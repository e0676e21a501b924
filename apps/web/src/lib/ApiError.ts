import { type ErrorCode, ZApiError } from "@factmark/core";

/** An error answer from the API. The UI branches on `code`, never on `message`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | "NETWORK";
  readonly details: unknown;

  constructor(status: number, code: ErrorCode | "NETWORK", message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The body of a successful response, or the API's error as an ApiError. */
export async function unwrap<T>(
  responsePromise: Promise<{ ok: boolean; status: number; json(): Promise<T> }>,
): Promise<T> {
  let response: Awaited<typeof responsePromise>;
  try {
    response = await responsePromise;
  } catch {
    throw new ApiError(0, "NETWORK", "Cannot reach the Factmark server. Check your connection and try again.");
  }
  if (response.ok) return response.json();
  const body = await response.json().catch(() => undefined);
  const parsed = ZApiError.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    throw new ApiError(response.status, code, message, details);
  }
  throw new ApiError(response.status, "INTERNAL", `The server answered ${response.status}.`);
}

/** Waits for an answer with no body (204); the API's error as an ApiError otherwise. */
export async function unwrapEmpty(
  responsePromise: Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>,
): Promise<void> {
  let response: Awaited<typeof responsePromise>;
  try {
    response = await responsePromise;
  } catch {
    throw new ApiError(0, "NETWORK", "Cannot reach the Factmark server. Check your connection and try again.");
  }
  if (!response.ok) await unwrap(Promise.resolve(response));
}

/** The human message of any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
