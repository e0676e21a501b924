/**
 * The PDF uses the 14 standard fonts (Helvetica, Times): no font file to ship, text stays selectable, files stay
 * small. They only hold the WinAnsi (Windows-1252) characters, and pdfkit draws anything else as a wrong glyph. No
 * Unicode TTF ships in an installed npm package (pdfkit's data folder holds only the AFM metrics of the standard
 * fonts), so text is transliterated instead: accents outside Latin-1 are dropped ("ő" -> "o"), Cyrillic and Greek
 * are spelled in Latin letters, typographic signs get their ASCII look-alikes, invisible marks (variation selectors,
 * zero-width joiners) vanish, and what is left (Arabic, Persian, CJK, emoji) becomes "?". The HTML, Markdown and JSON
 * exports keep every character.
 */
export function toWinAnsi(text: string): string {
  if (PLAIN.test(text)) return text;
  let result = "";
  for (const character of text.normalize("NFC")) {
    result += winAnsiCharacter(character);
  }
  return result;
}

/** Whether a character survives toWinAnsi unchanged. */
export function isWinAnsi(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x0a ||
    (code >= 0xa0 && code <= 0xff && code !== 0xad) ||
    EXTRA.has(code)
  );
}

const PLAIN = /^[\x20-\x7e\n]*$/;

/** The characters of Windows-1252 beyond Latin-1 (0x80-0x9F), which pdfkit maps for the standard fonts. */
const EXTRA = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

const LOOK_ALIKES: Record<string, string> = {
  "\t": "    ",
  "\r": "",
  "\u00ad": "",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2015": "\u2014",
  "\u2212": "-",
  "\u201b": "'",
  "\u201f": '"',
  "\u2032": "'",
  "\u2033": '"',
  "\u2044": "/",
  "\u2028": "\n",
  "\u2029": "\n",
  "\u2190": "<-",
  "\u2192": "->",
  "\u2194": "<->",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2260": "!=",
  "\u2248": "~",
  "\u221e": "infinity",
  "\u2116": "No.",
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ı: "i",
  ħ: "h",
  Ħ: "H",
  ŀ: "l",
  Ŀ: "L",
  ŋ: "ng",
  Ŋ: "NG",
  ſ: "s",
  ə: "e",
  Ə: "E",
  ʼ: "'",
  ʻ: "'",
};

/** Lower-case Cyrillic and Greek letters in Latin (a plain BGN/PCGN-like spelling); capitals follow. */
const LETTERS: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  ґ: "g",
  д: "d",
  е: "e",
  ё: "yo",
  є: "ye",
  ж: "zh",
  з: "z",
  и: "i",
  і: "i",
  ї: "yi",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ў: "w",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: '"',
  ы: "y",
  ь: "'",
  э: "e",
  ю: "yu",
  я: "ya",
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

const MARK = /\p{M}|\p{Cf}|\p{Cc}/u;

function winAnsiCharacter(character: string): string {
  if (isWinAnsi(character)) return character;
  const lookAlike = LOOK_ALIKES[character];
  if (lookAlike !== undefined) return lookAlike;
  if (/\p{Zs}/u.test(character)) return " ";
  // Before decomposing: "й" and "ё" are letters of their own, not "и" and "е" with a mark.
  const spelledLetter = letter(character);
  if (spelledLetter !== undefined) return spelledLetter;
  let spelled = "";
  for (const part of character.normalize("NFKD")) {
    if (isWinAnsi(part)) spelled += part;
    else if (MARK.test(part)) continue;
    else spelled += letter(part) ?? LOOK_ALIKES[part] ?? "?";
  }
  return spelled;
}

function letter(character: string): string | undefined {
  const lower = character.toLowerCase();
  const latin = LETTERS[lower];
  if (latin === undefined || lower === character) return latin;
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}
