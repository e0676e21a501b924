import type { Span } from "./types";

/** A quotation: its span including the marks, and the quoted words inside them. */
export interface Quotation extends Span {
  innerStart: number;
  innerEnd: number;
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * The quotations of `text`: “…”, "…" and ‘…’. A quotation never runs over a paragraph break ("\n"): an unclosed
 * mark is dropped at the end of its paragraph. A ’ between letters is an apostrophe (Iran’s), not a closing mark;
 * a ‘ opens only at the start of a word.
 */
export function findQuotations(text: string): Quotation[] {
  const quotations: Quotation[] = [];
  let open: { mark: string; start: number } | null = null;
  for (let index = 0; index < text.length; index++) {
    const character = text[index] as string;
    if (character === "\n") {
      open = null;
      continue;
    }
    const before = index > 0 ? (text[index - 1] as string) : " ";
    const after = index + 1 < text.length ? (text[index + 1] as string) : " ";
    if (open === null) {
      const opensCurly = character === "“";
      const opensStraight = character === '"' && !LETTER.test(before);
      const opensSingle = character === "‘" && !LETTER.test(before);
      if (opensCurly || opensStraight || opensSingle) open = { mark: character, start: index };
      continue;
    }
    const closes =
      (open.mark === "“" && character === "”") ||
      (open.mark === '"' && character === '"') ||
      (open.mark === "‘" && character === "’" && !LETTER.test(after));
    if (closes) {
      quotations.push({ start: open.start, end: index + 1, innerStart: open.start + 1, innerEnd: index });
      open = null;
    }
  }
  return quotations;
}
