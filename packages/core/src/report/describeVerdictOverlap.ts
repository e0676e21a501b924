import { VERDICT_LABELS, type Verdict } from "../schemas/verdict";

/**
 * The verdicts in the order overlapping highlights draw and name them: contradicted first (nearest
 * the text, never hidden by another), then unverified, then supported.
 */
export const VERDICTS_BY_SEVERITY: readonly Verdict[] = ["contradicted", "unverified", "supported"];

/** The distinct verdicts among `verdicts`, most severe first. */
export function sortVerdictsBySeverity(verdicts: Iterable<Verdict>): Verdict[] {
  const present = new Set(verdicts);
  return VERDICTS_BY_SEVERITY.filter((verdict) => present.has(verdict));
}

/**
 * How a run of text covered by `claimCount` claims reads to a person: "Contradicted claim" for one,
 * "Contradicted and supported: 2 claims" where claims overlap. Every verdict present is named.
 */
export function describeVerdictOverlap(verdicts: Iterable<Verdict>, claimCount: number): string {
  const names = sortVerdictsBySeverity(verdicts).map((verdict, index) =>
    index === 0 ? VERDICT_LABELS[verdict] : VERDICT_LABELS[verdict].toLowerCase(),
  );
  if (claimCount <= 1) return `${names[0] ?? "Unverified"} claim`;
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
  return `${list}: ${claimCount} claims`;
}

/**
 * Whether a run of overlapping claims shows its count badge: only where it has a letter or digit.
 * A run of one space between two others would draw its own badge on top of its neighbour's.
 */
export function isClaimCountShown(text: string, claimCount: number): boolean {
  return claimCount > 1 && /[\p{L}\p{N}]/u.test(text);
}
