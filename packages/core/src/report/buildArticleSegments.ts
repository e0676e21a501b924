import type { Verdict } from "../schemas/verdict";
import { sortVerdictsBySeverity } from "./describeVerdictOverlap";
import type { ReportModel } from "./ReportModel";

/** A run of article text covered by the same claims. */
export interface ArticleSegment {
  text: string;
  /** The numbers of the claims covering this run, innermost first. */
  claimNumbers: number[];
  /** Every verdict of the claims covering it, most severe first (contradicted is never left out); empty for plain text. */
  verdicts: Verdict[];
}

/**
 * The article text cut where claims start and end, so a renderer can highlight it without overlapping tags.
 * Orphaned claims are not drawn: their text is gone. Where claims overlap, the run carries every verdict on it.
 */
export function buildArticleSegments(model: ReportModel): ArticleSegment[] {
  const { text } = model.article;
  const placed = model.claims
    .filter((claim) => !claim.isOrphaned)
    .map((claim) => ({
      number: claim.number,
      verdict: claim.verdict,
      start: Math.max(0, Math.min(text.length, claim.selectors.position.start)),
      end: Math.max(0, Math.min(text.length, claim.selectors.position.end)),
    }))
    .filter((claim) => claim.start < claim.end);
  const startsAt = new Map<number, typeof placed>();
  const endsAt = new Map<number, typeof placed>();
  const boundaries = new Set<number>([0, text.length]);
  for (const claim of placed) {
    boundaries.add(claim.start);
    boundaries.add(claim.end);
    startsAt.set(claim.start, [...(startsAt.get(claim.start) ?? []), claim]);
    endsAt.set(claim.end, [...(endsAt.get(claim.end) ?? []), claim]);
  }
  const cuts = [...boundaries].sort((a, b) => a - b);
  const active = new Set<(typeof placed)[number]>();
  const segments: ArticleSegment[] = [];
  for (let index = 0; index < cuts.length - 1; index += 1) {
    const from = cuts[index] as number;
    const to = cuts[index + 1] as number;
    for (const claim of endsAt.get(from) ?? []) active.delete(claim);
    for (const claim of startsAt.get(from) ?? []) active.add(claim);
    const covering = [...active].sort((a, b) => a.end - a.start - (b.end - b.start) || a.number - b.number);
    segments.push({
      text: text.slice(from, to),
      claimNumbers: covering.map((claim) => claim.number),
      verdicts: sortVerdictsBySeverity(covering.map((claim) => claim.verdict)),
    });
  }
  return segments;
}
