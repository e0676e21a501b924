/**
 * A speaker's name folded so spellings that differ only in case, accents, spacing, hyphens or full stops give
 * one key: "Hossein Amir-Abdollahian", "hossein amir abdollahian" and "Hossein  Amír‑Abdollahian" all give
 * "hossein amir abdollahian". Letters of any script are kept (lower-cased where the script has case); only accents
 * on Latin and Greek letters are dropped (Cyrillic's й is a letter of its own, not и with a mark), and so are the
 * marks Latin letters carry inside them (LATIN_LETTERS_FOLDED: "Łukasz" is "lukasz", "Weiß" is "weiss"). Used to join
 * a new spelling to the speaker it belongs to (SpeakerAlias.key) and to tell whether two claims share a speaker;
 * never shown. A name of punctuation alone is its own key. Migration 0015 applies LATIN_LETTERS_FOLDED to keys
 * stored before it did.
 */
export function speakerNameKey(name: string): string {
  const key = name
    .normalize("NFKD")
    .replace(/(?<=[\p{Script=Latin}\p{Script=Greek}])\p{Mn}+/gu, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(LATIN_LETTER_WITH_MARK, (letter) => LATIN_LETTERS_FOLDED[letter] ?? letter)
    .replace(/[\p{Pd}.·'’‘`_]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  // A name of punctuation alone ("—", "...") folds to nothing: it is its own key, not every such name's.
  return key === "" ? name.trim() : key;
}

/**
 * Lower-case Latin letters whose mark Unicode does not decompose (NFKD leaves them whole), as their unmarked
 * spelling: what a newsroom types for them on a keyboard without them.
 */
export const LATIN_LETTERS_FOLDED: Readonly<Record<string, string>> = {
  ł: "l",
  ø: "o",
  đ: "d",
  ð: "d",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  þ: "th",
  ħ: "h",
  ı: "i",
  ŧ: "t",
};
const LATIN_LETTER_WITH_MARK = new RegExp(`[${Object.keys(LATIN_LETTERS_FOLDED).join("")}]`, "gu");
