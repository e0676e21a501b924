import { AppError, anchor, type SelectorInput, type Selectors } from "@factmark/core";

/**
 * Places selectors on an article's text exactly, as a new or re-attached claim needs; refuses with
 * UNPROCESSABLE (and the reason) when they do not fit, or when they would split a character.
 */
export function placeSelectors(text: string, input: SelectorInput): Selectors {
  const anchored = anchor(text, input);
  if (!anchored.ok) {
    const { ok: _ok, message, ...details } = anchored;
    throw new AppError("UNPROCESSABLE", message, details);
  }
  // A position inside a surrogate pair would store half an emoji, which no database keeps faithfully.
  if (!anchored.selectors.quote.exact.isWellFormed()) {
    throw new AppError("UNPROCESSABLE", "The selection starts or ends in the middle of a character.", {
      reason: "split_character",
    });
  }
  return anchored.selectors;
}
