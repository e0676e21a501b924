import { describe, expect, it } from "vitest";
import { ERROR_STATUS, type ErrorCode, errorCodeForStatus } from "./errorCodes";

describe("errorCodeForStatus", () => {
  it("gives back each code from its status, so no status is shared by two codes", () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) expect(errorCodeForStatus(status)).toBe(code);
  });

  it("reads the statuses a framework answers by itself as the codes the API uses", () => {
    const expected: [number, ErrorCode][] = [
      [400, "VALIDATION_FAILED"],
      [401, "UNAUTHENTICATED"],
      [403, "FORBIDDEN"],
      [404, "NOT_FOUND"],
      [409, "CONFLICT"],
      [412, "PRECONDITION_FAILED"],
      [413, "PAYLOAD_TOO_LARGE"],
      [415, "UNSUPPORTED_MEDIA_TYPE"],
      [422, "UNPROCESSABLE"],
      [428, "PRECONDITION_REQUIRED"],
      [429, "RATE_LIMITED"],
    ];
    expect(expected.map(([status]) => [status, errorCodeForStatus(status)])).toEqual(expected);
  });

  it("has no code for a status no error carries", () => {
    expect(errorCodeForStatus(405)).toBeUndefined();
    expect(errorCodeForStatus(418)).toBeUndefined();
  });
});
