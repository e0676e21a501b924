import { describe, expect, it } from "vitest";
import { securitySettingsFromEnv } from "./securitySettings";

describe("securitySettingsFromEnv: PUBLIC_URL", () => {
  it("keeps the address people use, without trailing slashes, and a path if Factmark lives under one", () => {
    expect(securitySettingsFromEnv({ PUBLIC_URL: "https://factmark.example.org/" }).publicUrl).toBe(
      "https://factmark.example.org",
    );
    expect(securitySettingsFromEnv({ PUBLIC_URL: " https://example.org/factmark// " }).publicUrl).toBe(
      "https://example.org/factmark",
    );
    expect(securitySettingsFromEnv({ PUBLIC_URL: "" }).publicUrl).toBeUndefined();
  });

  it("stops the start with a clear message when PUBLIC_URL is not an http(s) address", () => {
    for (const value of ["factmark.example.org", "ftp://example.org", "https://example.org/?x=1", "https://a@b.org"]) {
      expect(() => securitySettingsFromEnv({ PUBLIC_URL: value })).toThrow(/PUBLIC_URL must be the http\(s\) address/);
    }
  });
});
