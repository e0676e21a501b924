import { emptyVerdictCounts, type NewsroomSpeaker, type NewsroomSpeakerDetail, type Verdict } from "@factmark/core";
import type { SpeakerClaimRow } from "../../repositories/newsroomSpeakerRepository";

type VerdictCounts = NewsroomSpeaker["counts"];

/** The month of a moment as the chart groups claims: `YYYY-MM`, UTC. */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** The month after a `YYYY-MM` month. */
function nextMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, "0")}`;
}

/**
 * A speaker's record from its live claims (any order): claims and articles counted, claims per verdict, the newest
 * claim's creation, and claims per verdict by month, from the month of the first claim to that of the last, months
 * without claims included (the chart's bars stand for equal stretches of time).
 */
export function speakerRecordOf(claims: readonly Pick<SpeakerClaimRow, "verdict" | "createdAt" | "article">[]) {
  const counts: VerdictCounts = emptyVerdictCounts();
  const byMonth = new Map<string, VerdictCounts>();
  let lastClaimAt: Date | null = null;
  for (const claim of claims) {
    const verdict = claim.verdict as Verdict;
    counts[verdict] += 1;
    const month = monthOf(claim.createdAt);
    const monthCounts = byMonth.get(month) ?? emptyVerdictCounts();
    monthCounts[verdict] += 1;
    byMonth.set(month, monthCounts);
    if (!lastClaimAt || claim.createdAt > lastClaimAt) lastClaimAt = claim.createdAt;
  }
  const months = [...byMonth.keys()].sort();
  const filled: NewsroomSpeakerDetail["byMonth"] = [];
  const last = months.at(-1);
  for (let month = months[0]; month !== undefined && last !== undefined && month <= last; month = nextMonth(month)) {
    filled.push({ month, counts: byMonth.get(month) ?? emptyVerdictCounts() });
  }
  return {
    claimCount: claims.length,
    articleCount: new Set(claims.map((claim) => claim.article.id)).size,
    counts,
    lastClaimAt: lastClaimAt?.toISOString() ?? null,
    byMonth: filled,
  };
}
