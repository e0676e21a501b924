import { describe, expect, it } from "vitest";
import { sampleReportInput } from "../testing/sampleReport";
import { buildNativeJson } from "./buildNativeJson";
import { buildReportModel } from "./buildReportModel";
import { buildWebAnnotation } from "./buildWebAnnotation";
import { parseReportImport } from "./parseReportImport";

const model = buildReportModel(sampleReportInput());

describe("parseReportImport", () => {
  it("reads a native export and a W3C collection alike", () => {
    expect(parseReportImport(buildNativeJson(model)).claims).toHaveLength(4);
    expect(parseReportImport(buildWebAnnotation(model)).links).toHaveLength(3);
  });

  it("says which formats it reads when given something else", () => {
    expect(() => parseReportImport({ type: "Annotation" })).toThrow(
      /Factmark JSON export .* or a W3C Web Annotation collection/,
    );
    expect(() => parseReportImport([])).toThrow(/Not a document Factmark can import/);
  });
});
