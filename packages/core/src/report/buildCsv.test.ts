import { describe, expect, it } from "vitest";
import { readGolden } from "../testing/readFixture";
import { sampleReportInput } from "../testing/sampleReport";
import { buildCsv, CSV_COLUMNS } from "./buildCsv";
import { buildReportModel } from "./buildReportModel";

const input = sampleReportInput();
const csv = buildCsv(buildReportModel(input));

/** A small RFC 4180 reader, to check the output parses back into the cells that went in. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      row.push(cell);
      cell = "";
    } else if (character === "\r" && text[index + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      index += 1;
    } else cell += character;
  }
  return rows;
}

function csvWithRationale(rationale: string, speaker: string | null = "Speaker"): string[] {
  const claim = { ...(input.claims[0] as (typeof input.claims)[number]), rationale, speaker };
  const [, row] = parseCsv(buildCsv(buildReportModel({ ...input, claims: [claim], links: [], evidence: [] })));
  return row ?? [];
}

const RATIONALE = CSV_COLUMNS.indexOf("rationale");
const SPEAKER = CSV_COLUMNS.indexOf("speaker");

describe("buildCsv", () => {
  it("matches the reviewed golden file for the sample article", () => {
    const golden = readGolden("sample-report.csv", csv);
    expect(csv).toBe(golden.expected);
  });

  it("has a header row and one row per claim in document order, with CRLF line ends", () => {
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(["1", "2", "3", "4"]);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "").includes("\r")).toBe(false);
  });

  it("quotes cells with commas, quotes and line breaks, and they parse back unchanged", () => {
    expect(csvWithRationale('He said "no", twice.\nThen left.')[RATIONALE]).toBe('He said "no", twice.\nThen left.');
  });

  it.each([
    ["=", '=HYPERLINK("https://evil.example","click")'],
    ["+", "+1+1"],
    ["-", "-2+3"],
    ["@", "@SUM(A1:A2)"],
    ["a tab", "\t=1+1"],
    ["a carriage return", "\r=1+1"],
  ])("neutralises a cell starting with %s by prefixing a single quote", (_name, value) => {
    expect(csvWithRationale(value)[RATIONALE]).toBe(`'${value}`);
    expect(csvWithRationale("fine", value)[SPEAKER]).toBe(`'${value}`);
  });

  it("leaves cells alone that only contain those characters later", () => {
    expect(csvWithRationale("1+1=2 @ noon - ok")[RATIONALE]).toBe("1+1=2 @ noon - ok");
  });

  it("writes an empty cell for a missing speaker", () => {
    expect(csvWithRationale("x", null)[SPEAKER]).toBe("");
  });
});
