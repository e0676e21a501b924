// Past forms that no suffix rule reaches, by their present: claims are mostly told in the past tense.
const IRREGULAR: Readonly<Record<string, string>> = {
  sold: "sell",
  sent: "send",
  spent: "spend",
  paid: "pay",
  fell: "fall",
  fallen: "fall",
  rose: "rise",
  risen: "rise",
  grew: "grow",
  grown: "grow",
  gave: "give",
  given: "give",
  made: "make",
  built: "build",
  bought: "buy",
  brought: "bring",
  won: "win",
  lost: "lose",
  left: "leave",
  took: "take",
  taken: "take",
  went: "go",
  gone: "go",
  held: "hold",
  kept: "keep",
  met: "meet",
  began: "begin",
  begun: "begin",
  struck: "strike",
  fought: "fight",
  caught: "catch",
  taught: "teach",
  thought: "think",
  knew: "know",
  known: "know",
  saw: "see",
  seen: "see",
  became: "become",
  drove: "drive",
  driven: "drive",
  wrote: "write",
  written: "write",
  hid: "hide",
  hidden: "hide",
  stole: "steal",
  stolen: "steal",
  shot: "shoot",
  dealt: "deal",
  led: "lead",
  children: "child",
  men: "man",
  women: "woman",
  people: "person",
  mice: "mouse",
  feet: "foot",
  teeth: "tooth",
};

// Endings that look like inflections but are part of the word ("bus", "crisis", "class", "status").
const KEEP_FINAL_S = /(?:ss|us|is|ys|os)$/;

/**
 * A light English stem: the present of common irregular past forms ("sold" → "sell"), then plural and verb endings
 * dropped ("supplies", "supplied", "supplying" → "suppli"; "transferred" → "transfer"), and a final "e" dropped so
 * that "increase", "increased" and "increasing" meet ("increas"). Derivational endings ("-tion", "-ment") are kept:
 * "deliver" and "delivery" stay apart, which the synonym table bridges where it matters. `word` is lower-case;
 * words of other scripts, and words of three letters or fewer, come back as they are.
 */
export function stemWord(word: string): string {
  const base = Object.hasOwn(IRREGULAR, word) ? (IRREGULAR[word] as string) : word;
  if (base.length <= 3 || !/^[a-z]+$/.test(base)) return base;
  let stem = base;
  if (stem.endsWith("ies") && stem.length > 4) stem = `${stem.slice(0, -3)}i`;
  else if (stem.endsWith("ied") && stem.length > 4) stem = `${stem.slice(0, -3)}i`;
  else if (stem.endsWith("ing") && stem.length > 5) stem = undouble(stem.slice(0, -3));
  else if (stem.endsWith("ed") && stem.length > 4) stem = undouble(stem.slice(0, -2));
  else if (/(?:ches|shes|sses|xes|zes|oes)$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.endsWith("s") && !KEEP_FINAL_S.test(stem)) stem = stem.slice(0, -1);
  // "supply" and "supplied" meet at "suppli"; "day" keeps its y (a vowel before it).
  if (/[^aeiou]y$/.test(stem) && stem.length > 3) stem = `${stem.slice(0, -1)}i`;
  if (stem.endsWith("e") && stem.length > 3) stem = stem.slice(0, -1);
  return stem;
}

const PAST_FORMS = new Map<string, string[]>();
for (const [past, present] of Object.entries(IRREGULAR))
  PAST_FORMS.set(present, [...(PAST_FORMS.get(present) ?? []), past]);

/**
 * The inflected forms a word may take in a text, for asking an index that does not stem (FTS5's unicode61, the
 * "simple" PostgreSQL configuration): "supplied" → supply, supplies, supplied, supplying…; "transfer" →
 * transfers, transferred, transferring; "sold" → sell, sells, sold, selling. Over-generates on purpose (a form no
 * text has costs nothing); `word` is lower-case; words of other scripts come back alone.
 */
export function wordForms(word: string): string[] {
  if (!/^[a-z]+$/.test(word) || word.length <= 3) return [word];
  // An inflected word's forms come from its base ("delivered" → "deliver"), never from the inflected form itself.
  const bases = new Set<string>();
  if (Object.hasOwn(IRREGULAR, word)) bases.add(IRREGULAR[word] as string);
  if (/(?:ies|ied)$/.test(word)) bases.add(`${word.slice(0, -3)}y`);
  else if (word.endsWith("ing"))
    bases
      .add(word.slice(0, -3))
      .add(`${word.slice(0, -3)}e`)
      .add(undouble(word.slice(0, -3)));
  else if (word.endsWith("ed"))
    bases
      .add(word.slice(0, -2))
      .add(word.slice(0, -1))
      .add(undouble(word.slice(0, -2)));
  else if (word.endsWith("es")) bases.add(word.slice(0, -2)).add(word.slice(0, -1));
  else if (word.endsWith("s") && !KEEP_FINAL_S.test(word)) bases.add(word.slice(0, -1));
  if (bases.size === 0) bases.add(word);
  const forms = new Set<string>([word, ...bases]);
  for (const base of bases) {
    if (base.length < 3) continue;
    for (const past of PAST_FORMS.get(base) ?? []) forms.add(past);
    if (/[^aeiou]y$/.test(base)) {
      const root = base.slice(0, -1);
      forms.add(`${root}ies`).add(`${root}ied`).add(`${base}ing`);
      continue;
    }
    const root = base.endsWith("e") ? base.slice(0, -1) : base;
    forms.add(`${base}s`).add(`${root}ed`).add(`${root}ing`);
    if (/(?:s|x|z|ch|sh)$/.test(base)) forms.add(`${base}es`);
    // "transfer" → "transferred": the last consonant doubles after one stressed vowel; both spellings are asked.
    if (/[^aeiou][aeiou][b-df-hj-np-tv-z]$/.test(base)) {
      const last = base.at(-1) as string;
      forms.add(`${base}${last}ed`).add(`${base}${last}ing`);
    }
  }
  return [...forms];
}

/** "transferr" → "transfer", "stopp" → "stop"; "fall", "pass" and "buzz" keep their pairs. */
function undouble(stem: string): string {
  return /([b-df-hj-km-np-rtvwy])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}
