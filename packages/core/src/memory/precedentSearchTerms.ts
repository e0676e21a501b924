import { STOPWORDS } from "../suggestions/findWords";
import type { ClaimFeatures } from "./readClaimFeatures";
import { wordForms } from "./stemWord";

/**
 * What to ask the full-text index for, to find a claim's precedents, one group per thing the quote says: each
 * content word (names first) as its inflected forms (the indexes do not stem: "drone", "drones"), then each exact
 * figure in digits, with and without thousands separators ("twelve per cent" asks for "12"). Plain lower-case words and digit strings. Synonyms are left to
 * scorePrecedent: asking for them makes most of an archive match. The search keeps the groups the index holds
 * fewest claims for (claimCandidates), so a claim's rare words, names and figures find it.
 */
export function precedentSearchGroups(features: ClaimFeatures): string[][] {
  const groups: string[][] = [];
  const seen = new Set<string>();
  const add = (forms: string[]) => {
    const fresh = [...new Set(forms)].filter((form) => !seen.has(form));
    for (const form of fresh) seen.add(form);
    if (fresh.length > 0) groups.push(fresh);
  };
  const ordered = [...features.terms].sort((a, b) => Number(b.isName) - Number(a.isName));
  for (const term of ordered) {
    for (const part of term.shown.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (part.length < 2 || STOPWORDS.has(part)) continue;
      add(term.isName ? [part] : wordForms(part));
    }
  }
  for (const number of features.numbers) {
    if (number.isVague) continue;
    for (const value of new Set([number.low, number.high])) {
      if (!Number.isFinite(value) || value <= 0) continue;
      // "50100" and "50,100" (which the index reads as "50" then "100").
      add([String(value).replace(/\.0+$/, ""), value.toLocaleString("en-US", { maximumFractionDigits: 6 })]);
    }
  }
  return groups;
}
