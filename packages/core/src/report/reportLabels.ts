import type { EvidenceStance } from "../schemas/evidence";
import type { LinkKind } from "../schemas/link";
import type { ConclusionRating } from "../schemas/publication";
import { VERDICT_LABELS, VERDICTS, type Verdict } from "../schemas/verdict";
import { formatReportDate } from "./formatReportDate";

/** How an evidence stance reads to a person: in the evidence panel, the history and every report format. */
export const EVIDENCE_STANCE_LABELS: Record<EvidenceStance, string> = {
  supports: "Supports",
  contradicts: "Contradicts",
  context: "Context",
};

/** How a link reads from its first claim, and from its second. */
export const LINK_KIND_LABELS: Record<LinkKind, { outgoing: string; incoming: string }> = {
  contradicts: { outgoing: "Contradicts", incoming: "Contradicted by" },
  supports: { outgoing: "Supports", incoming: "Supported by" },
};

/**
 * The colour of each conclusion rating's badge, from green (accurate) through amber to red (inaccurate), grey for
 * unproven; each reaches a contrast of at least 4.5:1 with white text. The rating's label always stands beside it.
 */
export const CONCLUSION_RATING_COLOURS: Record<ConclusionRating, string> = {
  accurate: "#1a7f37",
  "mostly-accurate": "#3f6e22",
  mixed: "#8a5300",
  "mostly-inaccurate": "#a8431a",
  inaccurate: "#b42318",
  unproven: "#57606a",
};

/**
 * How each verdict looks, wherever it is drawn: the app's highlights, cards and counts, and every report (HTML, PDF,
 * the chart, the public pages). `colour` carries text and strokes (at least 4.5:1 on white, and white text on it);
 * `tint` fills a highlight; `underline` and `border` are the pattern that says the verdict without colour (wavy
 * contradicted, solid supported, dashed unverified). The web app's stylesheet repeats these as CSS variables for
 * the server-drawn first screen, which paints before any script; a test holds the two equal.
 */
export const VERDICT_STYLES: Record<
  Verdict,
  { colour: string; tint: string; underline: "solid" | "wavy" | "dashed"; border: "solid" | "double" | "dashed" }
> = {
  supported: { colour: "#067647", tint: "#d9f7e4", underline: "solid", border: "solid" },
  contradicted: { colour: "#b42318", tint: "#fcd9d6", underline: "wavy", border: "double" },
  unverified: { colour: "#93370d", tint: "#fef0c7", underline: "dashed", border: "dashed" },
};

/** What a claim without a speaker says where its speaker would be: in the app, every report and the public pages. */
export const UNNAMED_SPEAKER = "Speaker not named";

/** The line that names who published a fact-check: report kickers, the PDF's footer, public pages' titles. */
export function factCheckByline(organisationName: string): string {
  return `Fact-check by ${organisationName}`;
}

/** How a claim is named wherever it is referred to: "Claim 3" (headings, contradiction pairs, links, public pages). */
export function claimLabel(claimNumber: number): string {
  return `Claim ${claimNumber}`;
}

/**
 * The line naming a claim's speaker, the same in the app's report page, every report and the public pages:
 * "Speaker: Ada Lovelace", or "Speaker not named" when there is none (an empty name counts as none).
 */
export function speakerLine(speaker: string | null | undefined): string {
  return speaker ? `Speaker: ${speaker}` : UNNAMED_SPEAKER;
}

/** The label of the report's date row ("Report generated: …" in the reports' header lists). */
export const REPORT_GENERATED_LABEL = "Report generated";

/** When the report was made, as one line: "Report generated 2026-12-01 17:05 UTC" (the date as formatReportDate prints it). */
export function reportGeneratedLine(generatedAt: string): string {
  return `${REPORT_GENERATED_LABEL} ${formatReportDate(generatedAt)}`;
}

/**
 * The summary's sentence: how many claims were checked and how many have each verdict, in the verdicts' order:
 * "6 claims checked: 2 supported, 1 contradicted, 3 unverified." The total is the sum of the counts.
 */
export function summariseVerdictCounts(counts: Record<Verdict, number>): string {
  const total = VERDICTS.reduce((sum, verdict) => sum + counts[verdict], 0);
  const parts = VERDICTS.map((verdict) => `${counts[verdict]} ${VERDICT_LABELS[verdict].toLowerCase()}`);
  return `${total} ${total === 1 ? "claim" : "claims"} checked: ${parts.join(", ")}.`;
}

/** The sentence after the summary when claims lost their text; empty when none did. */
export function orphanedClaimsLine(orphanCount: number): string {
  if (orphanCount <= 0) return "";
  return orphanCount === 1
    ? "1 claim is orphaned: its text is no longer in the article."
    : `${orphanCount} claims are orphaned: their text is no longer in the article.`;
}
