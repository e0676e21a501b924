import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/ApiError";
import { importErrorMessages } from "./importErrorMessages";

function refused(status: number, code: ConstructorParameters<typeof ApiError>[1], details?: unknown) {
  // The server's message is deliberately useless: the words must come from code and reason.
  return new ApiError(status, code, "server words", details);
}

describe("importErrorMessages", () => {
  it("explains each refusal of a web address next to the address, by its reason", () => {
    const cases: [number, ConstructorParameters<typeof ApiError>[1], unknown, RegExp][] = [
      [422, "UNPROCESSABLE", { reason: "private_address" }, /on a private network, which Factmark does not fetch from/],
      [422, "UNPROCESSABLE", { reason: "timeout" }, /took too long to answer/],
      [422, "UNPROCESSABLE", { reason: "too_many_redirects" }, /redirects too many times/],
      [422, "UNPROCESSABLE", { reason: "http_status", status: 404 }, /answered with an error \(HTTP 404\)/],
      [422, "UNPROCESSABLE", { reason: "unreachable" }, /could not reach that address/],
      [
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        { reason: "content_type", contentType: "application/pdf" },
        /a file of type application\/pdf, not a web page/,
      ],
      [413, "PAYLOAD_TOO_LARGE", { reason: "too_large" }, /too large to import/],
      [400, "VALIDATION_FAILED", undefined, /not a web address Factmark can fetch/],
    ];
    for (const [status, code, details, expected] of cases) {
      const errors = importErrorMessages(refused(status, code, details), "url");
      expect(errors.url).toMatch(expected);
      expect(errors.url).not.toContain("server words");
    }
  });

  it("explains each refusal of a file next to the file, by its reason", () => {
    expect(importErrorMessages(refused(413, "PAYLOAD_TOO_LARGE"), "upload").file).toMatch(/over 5\.0 MB/);
    expect(
      importErrorMessages(refused(415, "UNSUPPORTED_MEDIA_TYPE", { reason: "unsupported_extension" }), "upload").file,
    ).toMatch(/reads \.txt, \.md, \.html, \.htm and \.docx/);
    expect(importErrorMessages(refused(422, "UNPROCESSABLE", { reason: "empty" }), "upload").file).toMatch(
      /holds no article text/,
    );
  });

  it("puts the server's field issues next to their fields, and says what concerns no field in the form", () => {
    const errors = importErrorMessages(
      refused(400, "VALIDATION_FAILED", {
        issues: [{ path: "sourceUrl", message: "Give a full http:// or https:// URL." }],
      }),
      "paste",
    );
    expect(errors).toEqual({ sourceUrl: "Give a full http:// or https:// URL." });
    expect(importErrorMessages(refused(403, "FORBIDDEN"), "paste").form).toMatch(/may not add articles/);
    expect(importErrorMessages(refused(500, "INTERNAL"), "paste").form).toMatch(/could not be added/);
  });
});
