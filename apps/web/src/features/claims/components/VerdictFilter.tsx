import { VERDICT_LABELS, VERDICTS, type Verdict, type VerdictCounts } from "@factmark/core";

export interface VerdictFilterProps {
  counts: VerdictCounts;
  total: number;
  value: Verdict | null;
  onChange: (verdict: Verdict | null) => void;
}

/** Counts per verdict that double as a filter: press one to show only its claims. */
export function VerdictFilter({ counts, total, value, onChange }: VerdictFilterProps) {
  return (
    <fieldset className="verdict-filter">
      <legend className="visually-hidden">Filter claims by verdict</legend>
      <button type="button" className="filter-chip" aria-pressed={value === null} onClick={() => onChange(null)}>
        All <span className="filter-chip__count">{total}</span>
      </button>
      {VERDICTS.map((verdict) => (
        <button
          key={verdict}
          type="button"
          className={`filter-chip filter-chip--${verdict}`}
          aria-pressed={value === verdict}
          onClick={() => onChange(value === verdict ? null : verdict)}
          data-testid={`count-${verdict}`}
        >
          {VERDICT_LABELS[verdict]} <span className="filter-chip__count">{counts[verdict]}</span>
        </button>
      ))}
    </fieldset>
  );
}
