import { VERDICT_LABELS, type Verdict } from "@factmark/core";

/** A verdict as a badge: its label, in the verdict's colours (factCheck.css), always with text. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span className={`verdict-badge verdict-badge--${verdict}`}>{VERDICT_LABELS[verdict]}</span>;
}
