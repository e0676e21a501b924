import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { isGzippedReport, keptReportGzip } from "./keptReportGzip";

describe("keptReportGzip", () => {
  it("compresses a body once: the same body gets the same bytes back, which gunzip to it", async () => {
    const body = new TextEncoder().encode(JSON.stringify({ claims: Array.from({ length: 500 }, (_, n) => ({ n })) }));
    const first = await keptReportGzip(body);
    expect(await keptReportGzip(body)).toBe(first);
    expect(new Uint8Array(gunzipSync(first))).toEqual(body);
    // Another body with the same bytes is another report: compressed for itself.
    expect(await keptReportGzip(body.slice())).not.toBe(first);
  });

  it("compresses text and JSON from 1 KB up, never a PDF", () => {
    expect(isGzippedReport("application/json", 2048)).toBe(true);
    expect(isGzippedReport('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', 2048)).toBe(true);
    expect(isGzippedReport("text/csv; charset=utf-8; header=present", 2048)).toBe(true);
    expect(isGzippedReport("application/json", 1023)).toBe(false);
    expect(isGzippedReport("application/pdf", 2_000_000)).toBe(false);
  });
});
