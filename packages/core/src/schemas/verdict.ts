import { z } from "zod";

/** The verdicts a reviewer can give a claim, in the order the UI offers them. */
export const VERDICTS = ["supported", "contradicted", "unverified"] as const;

export const ZVerdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof ZVerdict>;

/** The verdict a claim gets when none is given. */
export const DEFAULT_VERDICT: Verdict = "unverified";

/** How a verdict reads to a person. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  supported: "Supported",
  contradicted: "Contradicted",
  unverified: "Unverified",
};

/** The keys that give a selection a verdict: a letter and a digit each. */
export const VERDICT_KEYS: Record<Verdict, readonly [string, string]> = {
  supported: ["s", "1"],
  contradicted: ["c", "2"],
  unverified: ["u", "3"],
};

/** The verdict a key gives, or undefined when the key gives none. */
export function verdictForKey(key: string): Verdict | undefined {
  const lower = key.toLowerCase();
  return VERDICTS.find((verdict) => VERDICT_KEYS[verdict].includes(lower));
}

export type VerdictCounts = Record<Verdict, number>;

/** Zero claims of every verdict. */
export function emptyVerdictCounts(): VerdictCounts {
  return { supported: 0, contradicted: 0, unverified: 0 };
}
