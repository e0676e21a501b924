import {
  describeVerdictOverlap,
  isClaimCountShown,
  sortVerdictsBySeverity,
  VERDICTS_BY_SEVERITY,
} from "../report/describeVerdictOverlap";
import type { Claim } from "../schemas/claim";

/** What highlights are drawn from: the claims in the query cache and what the reviewer is looking at. */
export interface HighlightInput {
  claims: readonly Claim[];
  selectedClaimId: string | null;
  /** Claims to emphasise beside the selected one (the ones linked to it). */
  emphasisedClaimIds: ReadonlySet<string>;
  /**
   * Whether a claim is shown before the server has stored it (the web app's optimistic creates, drawn faded);
   * none are when left out (the server draws stored claims only).
   */
  isPendingId?: (claimId: string) => boolean;
}

/** A claim placed on the text: `from` and `to` in whatever coordinates the caller draws in (positions or offsets). */
export interface PlacedClaim {
  claim: Claim;
  from: number;
  to: number;
}

/** One run of words the same claims cover, as drawn: its span's attributes, one more class per further verdict. */
export interface HighlightRun {
  from: number;
  to: number;
  claimIds: string[];
  /** The run's span (class, data-claim-id, data-verdict, data-claim-ids, data-verdicts, title, data-claim-count). */
  attributes: Record<string, string>;
  /** The class of each further underline layer (one nested span each), the second most severe verdict first. */
  layerClasses: string[];
  /** What a screen reader hears where the run starts: every verdict on it. */
  startLabel: string;
  /** What it hears after the run, when the run ends a stretch of claimed words. */
  endLabel: string | null;
}

/**
 * The runs `claims` cut the text into: a run at every claim boundary, each naming the claims on it (innermost
 * first), its verdicts' underline layers (most severe nearest the text), a label for screen readers, and, after
 * the last run of a stretch, where the claims end. `textOf(from, to)` is the run's text (for the count shown on
 * short runs). The editor (ClaimHighlights) and the first screen (renderArticlePreviewHtml, in the page's HTML and
 * in the web app's ArticlePreview) both draw these, so they look and read alike.
 */
export function highlightRuns(
  claims: readonly PlacedClaim[],
  input: HighlightInput,
  textOf: (from: number, to: number) => string,
): HighlightRun[] {
  const boundaries = [...new Set(claims.flatMap((claim) => [claim.from, claim.to]))].sort((a, b) => a - b);
  const startsAt = new Map<number, PlacedClaim[]>();
  for (const claim of claims) startsAt.set(claim.from, [...(startsAt.get(claim.from) ?? []), claim]);
  const active = new Set<PlacedClaim>();
  const runs: HighlightRun[] = [];
  for (let index = 0; index < boundaries.length - 1; index += 1) {
    const from = boundaries[index] as number;
    const to = boundaries[index + 1] as number;
    for (const claim of active) if (claim.to <= from) active.delete(claim);
    for (const claim of startsAt.get(from) ?? []) active.add(claim);
    if (active.size === 0) continue;
    const covering = [...active].sort(innermostFirst);
    const isLastOfStretch = ![...active].some((claim) => claim.to > to) && !startsAt.has(to);
    const endLabel = isLastOfStretch ? (covering.length === 1 ? "end of claim." : "end of claims.") : null;
    runs.push(drawRun(from, to, covering, input, textOf(from, to), endLabel));
  }
  return runs;
}

/** The shortest claim first, then the most severe verdict: the claim a run's single-id attributes name. */
function innermostFirst(a: PlacedClaim, b: PlacedClaim): number {
  return (
    a.to - a.from - (b.to - b.from) ||
    VERDICTS_BY_SEVERITY.indexOf(a.claim.verdict) - VERDICTS_BY_SEVERITY.indexOf(b.claim.verdict) ||
    (a.claim.id < b.claim.id ? -1 : 1)
  );
}

function drawRun(
  from: number,
  to: number,
  covering: PlacedClaim[],
  input: HighlightInput,
  text: string,
  endLabel: string | null,
): HighlightRun {
  const claimIds = covering.map((placed) => placed.claim.id);
  const verdicts = sortVerdictsBySeverity(covering.map((placed) => placed.claim.verdict));
  const label = describeVerdictOverlap(verdicts, covering.length);
  const innermost = (covering[0] as PlacedClaim).claim;
  let className = `claim-hl claim-underline claim-underline--${verdicts[0]} claim-underline--level-0`;
  for (const verdict of verdicts) className += ` claim-hl--has-${verdict}`;
  if (claimIds.includes(input.selectedClaimId ?? "")) className += " claim-hl--selected";
  if (claimIds.some((claimId) => input.emphasisedClaimIds.has(claimId))) className += " claim-hl--linked";
  if (input.isPendingId && claimIds.some(input.isPendingId)) className += " claim-hl--pending";
  const attributes: Record<string, string> = {
    class: className,
    "data-claim-id": innermost.id,
    "data-verdict": innermost.verdict,
    "data-claim-ids": claimIds.join(" "),
    "data-verdicts": verdicts.join(" "),
    title: label,
  };
  if (isClaimCountShown(text, covering.length)) attributes["data-claim-count"] = String(covering.length);
  return {
    from,
    to,
    claimIds,
    attributes,
    layerClasses: verdicts
      .slice(1)
      .map((verdict, level) => `claim-underline claim-underline--${verdict} claim-underline--level-${level + 1}`),
    startLabel: `${label}:`,
    endLabel,
  };
}
