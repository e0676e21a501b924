import { selectorsForRange } from "./selectorsForRange";
import type { Selectors } from "./types";

/** A generated article, its claims, and edited versions of it: what the re-anchoring benchmark runs on. */
export interface EditedArticle {
  text: string;
  claims: Array<{ selectors: Selectors }>;
  /** One paragraph in the middle rewritten: a sentence replaced and a word inserted in another. */
  oneParagraphEdit: string;
  /** Every tenth sentence changed: a word replaced and a word inserted. */
  everyTenthSentenceEdit: string;
}

const SYLLABLES = "ka to ri mo ne sa lu vi de po ga fe zu ba chi wen dor hal mir sun tek ol am ur".split(" ");

/**
 * A deterministic article of `wordCount` words in paragraphs of 3 to 7 sentences, with `claimCount`
 * claims of 3 to 15 words spread over it (test and benchmark support; not part of the API).
 */
export function generateEditedArticle(wordCount = 50_000, claimCount = 2_000, seed = 42): EditedArticle {
  let state = seed >>> 0;
  // mulberry32: small, fast, and exact in 32-bit integer arithmetic.
  const random = (below: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return Math.floor((((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296) * below);
  };
  const word = () => {
    let text = "";
    const length = 1 + random(3);
    for (let index = 0; index < length; index += 1) text += SYLLABLES[random(SYLLABLES.length)];
    return text;
  };
  const paragraphs: string[][] = [];
  let words = 0;
  while (words < wordCount) {
    const sentences: string[] = [];
    const sentenceCount = 3 + random(5);
    for (let index = 0; index < sentenceCount && words < wordCount; index += 1) {
      const length = 8 + random(13);
      const sentence = Array.from({ length }, word);
      sentence[0] = capitalize(sentence[0] as string);
      sentences.push(`${sentence.join(" ")}.`);
      words += length;
    }
    paragraphs.push(sentences);
  }
  const text = paragraphs.map((sentences) => sentences.join(" ")).join("\n");

  const claims: Array<{ selectors: Selectors }> = [];
  const wordStarts = [...text.matchAll(/\S+/g)].map((match) => match.index);
  for (let index = 0; index < claimCount; index += 1) {
    const first = Math.floor(((index + 0.5) / claimCount) * (wordStarts.length - 20));
    const last = first + 2 + random(13);
    const start = wordStarts[first] as number;
    const lastStart = wordStarts[last] as number;
    const end = lastStart + (/^\S+/.exec(text.slice(lastStart))?.[0].length ?? 0);
    claims.push({ selectors: selectorsForRange(text, start, end) });
  }

  const middle = Math.floor(paragraphs.length / 2);
  const oneParagraphEdit = paragraphs
    .map((sentences, index) => {
      if (index !== middle) return sentences.join(" ");
      const edited = [...sentences];
      edited[0] = "This sentence was rewritten entirely by the editor.";
      edited[1] = (edited[1] as string).replace(" ", " indeed ");
      return edited.join(" ");
    })
    .join("\n");

  let sentenceNumber = 0;
  const everyTenthSentenceEdit = paragraphs
    .map((sentences) =>
      sentences
        .map((sentence) => {
          sentenceNumber += 1;
          if (sentenceNumber % 10 !== 0) return sentence;
          const sentenceWords = sentence.split(" ");
          sentenceWords[2] = "changed";
          sentenceWords.splice(5, 0, "newly");
          return sentenceWords.join(" ");
        })
        .join(" "),
    )
    .join("\n");

  return { text, claims, oneParagraphEdit, everyTenthSentenceEdit };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
