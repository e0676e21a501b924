import { VERDICT_LABELS, VERDICTS, type VerdictCounts } from "@factmark/core";

export interface VerdictBarProps {
  counts: VerdictCounts;
  /** Says what the bar counts, for those who cannot see it: "Robert Malley's claims". */
  label: string;
}

/** The words a bar stands for: "2 contradicted, 1 supported, no unverified". */
export function describeVerdictCounts(counts: VerdictCounts): string {
  return VERDICTS.map((verdict) => `${counts[verdict] || "no"} ${VERDICT_LABELS[verdict].toLowerCase()}`).join(", ");
}

/**
 * Claims per verdict as one small bar, each verdict's share of it in its colour and pattern; screen readers hear the
 * counts in words. Empty (a thin grey line) when there are no claims.
 */
export function VerdictBar({ counts, label }: VerdictBarProps) {
  return (
    <span className="verdict-bar" role="img" aria-label={`${label}: ${describeVerdictCounts(counts)}`}>
      {VERDICTS.filter((verdict) => counts[verdict] > 0).map((verdict) => (
        <span
          key={verdict}
          className={`verdict-bar__part verdict-bar__part--${verdict}`}
          style={{ flexGrow: counts[verdict] }}
        />
      ))}
    </span>
  );
}
