import { creditName } from "./describeHistoryEvent";
import type { ReportClaim, ReportModel } from "./ReportModel";
import { toCsvCell } from "./toCsvCell";

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  "number",
  "claim_id",
  "verdict",
  "quote",
  "speaker",
  "rationale",
  "start",
  "end",
  "orphaned",
  "evidence",
  "links",
  "created_by",
  "created_at",
  "updated_at",
] as const;

/**
 * One row per claim, in document order, under a header row (RFC 4180: CRLF line ends, quoted where needed).
 * Evidence and links, several per claim, are listed one per line inside their cell. Cells that would start a formula
 * are neutralised. No byte-order mark: a server that wants Excel to guess UTF-8 adds one.
 */
export function buildCsv(model: ReportModel, pieces?: CsvPieces): string {
  const rows: string[] = [CSV_COLUMNS.join(",")];
  for (const claim of model.claims) {
    let row = pieces?.get(claim);
    if (row === undefined) {
      row = csvRow(claim);
      pieces?.set(claim, row);
    }
    rows.push(row);
  }
  return `${rows.join("\r\n")}\r\n`;
}

/** Each claim's row as buildCsv wrote it, kept by the ReportClaim object (a row is a pure function of it). */
export type CsvPieces = WeakMap<ReportClaim, string>;

function csvRow(claim: ReportClaim): string {
  const evidence = claim.evidence
    .map((item) => `${item.stance}: ${item.title ? `${item.title} ` : ""}<${item.url}>`)
    .join("\n");
  const links = claim.links
    .map((link) => `${link.label.toLowerCase()} claim ${link.otherClaimNumber}${link.note ? ` (${link.note})` : ""}`)
    .join("\n");
  const cells = [
    claim.number,
    claim.id,
    claim.verdict,
    claim.selectors.quote.exact,
    claim.speaker,
    claim.rationale,
    claim.selectors.position.start,
    claim.selectors.position.end,
    claim.isOrphaned,
    evidence,
    links,
    creditName(claim.createdBy, claim.originalAuthorName),
    claim.createdAt,
    claim.updatedAt,
  ];
  return cells.map(toCsvCell).join(",");
}
