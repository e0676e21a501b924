import type { ApiErrorBody, ErrorCode } from "@factmark/core";
import { ZApiError } from "@factmark/core";
import { expect } from "vitest";

/** Asserts a response is the error envelope with this status and code, and returns its error. */
export async function expectApiError(
  response: Response,
  status: number,
  code: ErrorCode,
): Promise<ApiErrorBody["error"]> {
  const body: unknown = await response.json();
  expect({ status: response.status, body }).toMatchObject({ status, body: { error: { code } } });
  const parsed = ZApiError.parse(body);
  expect(parsed.error.message.length).toBeGreaterThan(0);
  return parsed.error;
}
