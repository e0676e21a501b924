/**
 * English number words by their value, for reading figures written in words: "twenty-five", "two hundred", "a
 * dozen", "the third". Shared by re-anchoring (a changed figure distinguishes two sentences) and the suggestions
 * engine (quantities that disagree). Look words up with `Object.hasOwn`: these are plain objects.
 */

/** Cardinals below a hundred, the tens, and "dozen": the words a compound like "twenty-five" is made of. */
export const CARDINAL_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};

/** Scale words, which multiply what comes before them ("7.5 million"). */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
};

/** Ordinals up to "tenth", by the number they name. */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

/** The value of one number word (cardinal, scale, ordinal or "half"), or undefined for any other word. */
export function numberWordValue(word: string): number | undefined {
  for (const words of [CARDINAL_WORDS, SCALE_WORDS, ORDINAL_WORDS]) if (Object.hasOwn(words, word)) return words[word];
  return word === "half" ? 0.5 : undefined;
}
