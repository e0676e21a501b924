import type { Verdict } from "../schemas/verdict";

/**
 * The one table that turns a foreign annotation's tags into Factmark verdicts, compared lower-cased and trimmed:
 * a tag listed here gives its verdict; any other tag gives none and is kept in the rationale ("Tags: satire").
 * Ratings with a shade ("mostly true", "half true") are left out on purpose: they are not a plain verdict, and a
 * reviewer decides them with the tag in view.
 */
export const TAG_VERDICTS: Readonly<Record<string, Verdict>> = {
  false: "contradicted",
  misleading: "contradicted",
  wrong: "contradicted",
  incorrect: "contradicted",
  inaccurate: "contradicted",
  untrue: "contradicted",
  "not true": "contradicted",
  fake: "contradicted",
  debunked: "contradicted",
  refuted: "contradicted",
  contradicted: "contradicted",
  true: "supported",
  correct: "supported",
  accurate: "supported",
  confirmed: "supported",
  verified: "supported",
  supported: "supported",
  unverified: "unverified",
};

/**
 * The verdict a foreign annotation's tags give (TAG_VERDICTS), and the tags to keep in its rationale: those that are
 * no verdict, or all of them when they disagree (then the verdict is null and a reviewer decides).
 */
export function verdictFromTags(tags: readonly string[]): { verdict: Verdict | null; keptTags: string[] } {
  const found = tags.map((tag) => TAG_VERDICTS[tag.trim().toLowerCase()]);
  const verdicts = new Set(found.filter((verdict): verdict is Verdict => verdict !== undefined));
  if (verdicts.size > 1) return { verdict: null, keptTags: [...tags] };
  const [verdict = null] = verdicts;
  return { verdict, keptTags: tags.filter((_, index) => found[index] === undefined) };
}
