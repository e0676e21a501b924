import type { Word } from "./findWords";

/** How a statement stands: it denies or negates something, it admits or confirms something, or neither. */
export interface Polarity {
  /** The cue words that negate or deny ("not", "unfounded", "denied"). */
  negations: string[];
  /** The cue words that admit or confirm ("admits", "confirmed", "shows"). */
  admissions: string[];
  /** Indexes (into the words given) of the words the negation bears on: its scope. */
  scope: Set<number>;
}

// A denial says the other statement is false; a negation says its content did not happen.
// "lied about supplying" accuses; it neither denies nor negates what was supplied.
const DENIALS = new Set([
  "denied",
  "denies",
  "deny",
  "denying",
  "unfounded",
  "baseless",
  "false",
  "untrue",
  "rejected",
  "refuted",
  "dismissed",
]);
const NEGATIONS = new Set([
  "not",
  "never",
  "no",
  "nobody",
  "none",
  "nothing",
  "neither",
  "without",
  "n't",
  "didn't",
  "don't",
  "doesn't",
  "wasn't",
  "weren't",
  "hasn't",
  "haven't",
  "hadn't",
  "won't",
  "isn't",
  "aren't",
  "cannot",
]);
const ADMISSIONS = new Set([
  "admits",
  "admitted",
  "admitting",
  "admit",
  "acknowledged",
  "acknowledges",
  "conceded",
  "concedes",
  "confirmed",
  "confirms",
  "shows",
  "show",
  "showed",
  "found",
  "lists",
  "listed",
  "records",
  "says",
  "filing",
]);
// Words that end a negation's reach.
const SCOPE_BREAKERS = new Set(["but", "while", "although", "though", "because", "whereas", "yet"]);

/**
 * The polarity of a statement's words: its negation and denial cues, its admission cues, and each negation's scope
 * (the words after "not"/"never"/"denied" up to the end of the clause; for a verdict word after its subject —
 * "… is totally unfounded" — the clause before it).
 */
export function findPolarity(words: Word[], text: string): Polarity {
  const negations: string[] = [];
  const admissions: string[] = [];
  const scope = new Set<number>();
  words.forEach((word, index) => {
    const lower = word.lower;
    const isDenial = DENIALS.has(lower);
    if (isDenial || NEGATIONS.has(lower) || lower.endsWith("n't")) {
      // "nobody … without": a double negation asserts.
      if (lower === "without" && negations.length > 0) {
        negations.pop();
        return;
      }
      negations.push(lower);
      const isVerdictAfterSubject = isDenial && /^(?:unfounded|baseless|false|untrue)$/.test(lower);
      if (isVerdictAfterSubject) {
        for (let at = index - 1; at >= 0 && !clauseBreakBetween(text, words, at, at + 1); at--) scope.add(at);
      } else {
        for (let at = index + 1; at < words.length && !SCOPE_BREAKERS.has((words[at] as Word).lower); at++) {
          if (clauseBreakBetween(text, words, at - 1, at)) break;
          scope.add(at);
        }
      }
    } else if (ADMISSIONS.has(lower)) admissions.push(lower);
  });
  return { negations, admissions, scope };
}

function clauseBreakBetween(text: string, words: Word[], left: number, right: number): boolean {
  const between = text.slice((words[left] as Word).end, (words[right] as Word).start);
  if (/[.;:!?]/.test(between)) return true;
  return between.includes(",") && /^(?:and|but|while)$/.test((words[right] as Word).lower);
}
