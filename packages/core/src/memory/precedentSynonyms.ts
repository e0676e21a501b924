import { stemWord } from "./stemWord";

// Words news copy uses for one another when it restates a claim. Each group meets at its first word's stem; kept
// short and general on purpose (no place or person names: "Tehran" is not "Iran" everywhere).
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["supply", "supplied", "transfer", "provide", "deliver", "delivery", "ship", "shipment", "send", "furnish", "arm"],
  ["drone", "uav", "uavs"],
  ["increase", "rise", "grow", "growth", "climb", "jump", "soar", "surge", "gain"],
  ["decrease", "fall", "drop", "decline", "shrink", "plunge", "slump", "slide", "dip", "reduce", "reduction"],
  ["kill", "death", "die", "dead", "fatality", "fatalities"],
  ["injure", "injury", "wound", "hurt"],
  ["buy", "purchase", "acquire"],
  ["build", "construct", "construction"],
  ["hire", "employ", "recruit"],
  ["lay", "layoff", "layoffs", "fire", "dismiss", "sack"],
  ["child", "kid", "minor"],
  ["home", "house", "dwelling"],
  ["doctor", "physician"],
  ["car", "vehicle", "automobile"],
  ["price", "cost"],
  ["wage", "salary", "pay", "earnings"],
  ["ban", "prohibit", "outlaw"],
  ["close", "shut"],
  ["job", "post", "position"],
  ["budget", "funding", "fund"],
  ["student", "pupil"],
  ["police", "officer"],
  ["attack", "strike", "assault"],
  ["cancel", "scrap", "axe"],
  ["emission", "pollution"],
  ["unemployment", "jobless", "joblessness"],
  ["resident", "inhabitant", "citizen"],
  ["town", "city", "municipality"],
  ["hospital", "clinic"],
  ["approve", "pass", "adopt"],
  ["reject", "refuse", "veto", "fail"],
  ["double", "twice"],
  ["promise", "pledge", "vow"],
];

// Word groups whose members say the opposite of another group's: the same sentence with one swapped for the other
// states the opposite fact ("prices rose 12%" / "prices fell 12%").
const OPPOSITE_GROUPS: readonly (readonly [string, string])[] = [
  ["increase", "decrease"],
  ["approve", "reject"],
  ["hire", "lay"],
  ["win", "lose"],
  ["support", "oppose"],
  ["open", "close"],
  ["above", "below"],
  ["higher", "lower"],
  ["more", "fewer"],
  ["more", "less"],
  ["surplus", "deficit"],
  ["before", "after"],
  ["profit", "loss"],
];

const CANONICAL = new Map<string, string>();
const GROUP_WORDS = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) {
  const canonical = stemWord(group[0] as string);
  for (const word of group) CANONICAL.set(stemWord(word), canonical);
  GROUP_WORDS.set(canonical, group);
}

/** The words of a canonical term's synonym group, as written in the table; empty for a term in none. */
export function synonymsOf(term: string): readonly string[] {
  return GROUP_WORDS.get(term) ?? [];
}

/** The term a stem stands for: its synonym group's first word's stem, or the stem itself. */
export function canonicalTerm(stem: string): string {
  return CANONICAL.get(stem) ?? stem;
}

const OPPOSITES = new Map<string, Set<string>>();
for (const [left, right] of OPPOSITE_GROUPS) {
  const [a, b] = [canonicalTerm(stemWord(left)), canonicalTerm(stemWord(right))];
  OPPOSITES.set(a, (OPPOSITES.get(a) ?? new Set()).add(b));
  OPPOSITES.set(b, (OPPOSITES.get(b) ?? new Set()).add(a));
}

/** The canonical terms that say the opposite of `term` ("increas" → "decreas"); empty for most terms. */
export function oppositeTerms(term: string): ReadonlySet<string> {
  return OPPOSITES.get(term) ?? new Set();
}

/** Direction words that are stop words elsewhere ("more", "less") but decide a claim's sense here. */
export const DIRECTION_WORDS = new Set([
  "more",
  "less",
  "fewer",
  "above",
  "below",
  "higher",
  "lower",
  "before",
  "after",
]);
