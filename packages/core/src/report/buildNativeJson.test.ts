import { describe, expect, it } from "vitest";
import { readGolden } from "../testing/readFixture";
import { reportInputFromImport } from "../testing/reportInputFromImport";
import { reviewOfImport, reviewOfModel } from "../testing/reviewOf";
import { ORGANISATION, sampleReportInput } from "../testing/sampleReport";
import { buildNativeJson, NATIVE_REPORT_FORMAT, NATIVE_REPORT_SCHEMA_VERSION } from "./buildNativeJson";
import { buildReportModel } from "./buildReportModel";
import { parseNativeJson } from "./parseNativeJson";
import { reportHistoryFor } from "./reportFormats";

const input = sampleReportInput();
// The desk's export: its history is always included, whatever the export bar asked for.
const model = buildReportModel(input, { history: reportHistoryFor("json", "omit") });
const native = buildNativeJson(model);

describe("buildNativeJson", () => {
  it("matches the reviewed golden file for the sample article", () => {
    const json = `${JSON.stringify(native, null, 2)}\n`;
    const golden = readGolden("sample-report.native.json", json);
    expect(json).toBe(golden.expected);
  });

  it("says what it is and which schema version it follows", () => {
    expect(native.format).toBe(NATIVE_REPORT_FORMAT);
    expect(native.schemaVersion).toBe(NATIVE_REPORT_SCHEMA_VERSION);
  });

  it("keeps everything: the article with its document, claims with selectors, evidence, links, full history", () => {
    expect(native.article).toEqual(input.article);
    expect(native.claims.map((claim) => claim.id).sort()).toEqual(input.claims.map((claim) => claim.id).sort());
    expect(native.claims.find((claim) => claim.id === "clm_malley")).toEqual(
      input.claims.find((claim) => claim.id === "clm_malley"),
    );
    expect(native.evidence).toHaveLength(input.evidence.length);
    expect(native.links).toEqual(input.links);
    expect(native.events).toHaveLength(input.events.length);
    expect(native.reviewers.map((reviewer) => reviewer.name)).toEqual(["Local reviewer", "Dana Levi"]);
  });

  it("round-trips: export, parse, export again gives the same claims, verdicts, speakers, rationale, evidence and links", () => {
    const imported = parseNativeJson(JSON.parse(JSON.stringify(native)));
    expect(reviewOfImport(imported)).toEqual(reviewOfModel(model));
    expect(imported.article).toMatchObject({
      title: input.article.title,
      sourceUrl: input.article.sourceUrl,
      outlet: input.article.outlet,
      author: input.article.author,
      publishedAt: input.article.publishedAt,
      doc: input.article.doc,
    });
    const again = buildReportModel(reportInputFromImport(imported, ORGANISATION));
    expect(reviewOfModel(again)).toEqual(reviewOfModel(model));
  });

  it("round-trips an orphaned claim as orphaned", () => {
    const claim = input.claims[0];
    if (!claim) throw new Error("the sample has claims");
    const orphan = {
      ...claim,
      isOrphaned: true,
      selectors: { ...claim.selectors, quote: { ...claim.selectors.quote, exact: "gone" } },
    };
    const exported = buildNativeJson(
      buildReportModel({ ...input, claims: [orphan], links: [], evidence: [] }, { history: "include" }),
    );
    const [imported] = parseNativeJson(exported).claims;
    expect(imported?.isOrphaned).toBe(true);
    expect(imported?.selectors.quote.exact).toBe("gone");
  });
});
