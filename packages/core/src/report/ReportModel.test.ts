import { describe, expect, it } from "vitest";
import { sampleReportInput } from "../testing/sampleReport";
import { buildReportModel } from "./buildReportModel";
import { ZReportModel } from "./ReportModel";

/** The model as it crosses the wire: what the web app receives from GET /api/articles/:id/report/model. */
const sent = JSON.parse(JSON.stringify(buildReportModel(sampleReportInput())));

describe("ZReportModel", () => {
  it("reads back the model buildReportModel makes, sent as JSON, unchanged", () => {
    expect(ZReportModel.parse(sent)).toEqual(sent);
  });

  it("refuses an answer that is not a report model", () => {
    expect(ZReportModel.safeParse({ ...sent, claims: [{ id: "clm_1" }] }).success).toBe(false);
    expect(ZReportModel.safeParse({ ...sent, counts: { supported: 1 } }).success).toBe(false);
    expect(ZReportModel.safeParse({ error: { code: "NOT_FOUND", message: "No such article." } }).success).toBe(false);
  });
});
