import { CONCLUSION_RATING_LABELS } from "../schemas/publication";
import { VERDICT_LABELS, VERDICTS } from "../schemas/verdict";
import { escapeMarkdown, escapeMarkdownLine } from "./escapeMarkdown";
import { formatReportDate } from "./formatReportDate";
import type { ReportClaim, ReportModel, ReportPairSide } from "./ReportModel";
import { isolateRightToLeft, rationaleToMarkdown } from "./renderRationale";
import {
  claimLabel,
  factCheckByline,
  orphanedClaimsLine,
  REPORT_GENERATED_LABEL,
  speakerLine,
  summariseVerdictCounts,
} from "./reportLabels";
import { toSafeHttpUrl } from "./toSafeHttpUrl";

/**
 * The report as Markdown (CommonMark + GitHub tables), readable as plain text and on a code host. Markdown has no
 * direction attribute, so right-to-left quotes and paragraphs are wrapped in Unicode isolates (FSI ... PDI): a
 * renderer that lays the line out left to right still keeps their own order, closing period included.
 */
export function buildMarkdown(model: ReportModel, pieces?: MarkdownPieces): string {
  const { header } = model;
  const lines: string[] = [`# Fact-check: ${escapeMarkdown(header.title)}`, ""];
  lines.push(`*${escapeMarkdown(factCheckByline(header.organisation.name))}*`, "");
  const sourceUrl = toSafeHttpUrl(header.sourceUrl);
  if (header.outlet) lines.push(`- **Outlet:** ${escapeMarkdown(header.outlet)}`);
  if (header.author) lines.push(`- **Author:** ${escapeMarkdown(header.author)}`);
  if (sourceUrl) lines.push(`- **Source:** <${sourceUrl}>`);
  if (header.publishedAt) lines.push(`- **Published:** ${formatReportDate(header.publishedAt)}`);
  if (header.reviewers.length > 0) lines.push(`- **Reviewed by:** ${escapeMarkdown(header.reviewers.join(", "))}`);
  lines.push(`- **${REPORT_GENERATED_LABEL}:** ${formatReportDate(header.generatedAt)}`, "");

  const { conclusion } = model.article;
  if (conclusion) {
    lines.push("## Conclusion", "", `**Rating:** ${CONCLUSION_RATING_LABELS[conclusion.rating]}`, "");
    lines.push(rationaleToMarkdown(conclusion.summary), "");
  }

  lines.push("## Summary", "");
  lines.push(summariseVerdictCounts(model.counts), "");
  lines.push("| Verdict | Claims |", "| --- | ---: |");
  for (const verdict of VERDICTS) lines.push(`| ${VERDICT_LABELS[verdict]} | ${model.counts[verdict]} |`);
  lines.push("");
  if (model.orphanCount > 0) lines.push(orphanedClaimsLine(model.orphanCount), "");

  if (model.contradictions.length > 0) {
    lines.push("## Contradictions", "");
    for (const pair of model.contradictions) {
      lines.push(`- ${pairSideMarkdown(pair.left)}`, "", "  **contradicts**", "", `  ${pairSideMarkdown(pair.right)}`);
      if (pair.note) lines.push("", `  *Note:* ${escapeMarkdown(pair.note)}`);
      lines.push("");
    }
  }

  lines.push("## Claims", "");
  if (model.claims.length === 0) lines.push("No claims have been marked in this article yet.", "");
  // Each claim's lines as one piece (joining the pieces is joining their lines), kept while the claim is the same object.
  for (const claim of model.claims) {
    let piece = pieces?.get(claim);
    if (piece === undefined) {
      piece = claimMarkdown(claim).join("\n");
      pieces?.set(claim, piece);
    }
    lines.push(piece);
  }
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

/**
 * Each claim's Markdown as buildMarkdown wrote it, kept by the ReportClaim object: a claim is a pure function of its
 * ReportClaim, which buildReportModel's memo gives again only when nothing it shows changed.
 */
export type MarkdownPieces = WeakMap<ReportClaim, string>;

function pairSideMarkdown(side: ReportPairSide): string {
  return `${claimLabel(side.number)} (**${side.verdictLabel}**): “${escapeMarkdown(side.quote)}” · ${escapeMarkdown(speakerLine(side.speaker))}`;
}

function claimMarkdown(claim: ReportClaim): string[] {
  const orphan = `${claim.isOrphaned ? " · orphaned" : ""}${claim.isAnchorUnconfirmed ? " · moved, to be checked" : ""}`;
  const lines = [`### ${claimLabel(claim.number)}: ${claim.verdictLabel}${orphan}`, ""];
  for (const line of quoteLines(claim.selectors.quote.exact)) lines.push(line);
  lines.push("");
  lines.push(escapeMarkdown(speakerLine(claim.speaker)), "");
  const rationale = rationaleToMarkdown(claim.rationale);
  if (rationale) lines.push("**Rationale:**", "", rationale, "");
  if (claim.evidence.length > 0) {
    lines.push("**Evidence:**", "");
    for (const item of claim.evidence) {
      const url = toSafeHttpUrl(item.url);
      const title = item.title === null ? null : escapeMarkdown(item.title);
      const source = url ? (title === null ? `<${url}>` : `[${title}](<${url}>)`) : (title ?? escapeMarkdown(item.url));
      lines.push(`- ${source} (${item.stanceLabel.toLowerCase()})`);
      if (item.excerpt) lines.push("", ...quoteLines(item.excerpt).map((line) => `  ${line}`), "");
    }
    lines.push("");
  }
  if (claim.links.length > 0) {
    lines.push("**Links:**", "");
    for (const link of claim.links) {
      const note = link.note ? `: ${escapeMarkdown(link.note)}` : "";
      lines.push(`- ${link.label} ${claimLabel(link.otherClaimNumber)}${note}`);
    }
    lines.push("");
  }
  if (claim.history.length > 0) {
    lines.push("**History:**", "");
    const more = claim.historyTotal - claim.history.length;
    if (more > 0) lines.push(`- … ${more} earlier ${more === 1 ? "change" : "changes"}`);
    for (const entry of claim.history) {
      lines.push(`- ${formatReportDate(entry.at)} · ${escapeMarkdown(entry.by)} ${escapeMarkdown(entry.summary)}`);
    }
    lines.push("");
  }
  return lines;
}

/** A block quote that keeps the quote's own line breaks. */
function quoteLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => (line.trim().length === 0 ? ">" : `> ${isolateRightToLeft(escapeMarkdownLine(line))}`));
}
