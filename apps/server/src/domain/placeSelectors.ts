import {
  AppError,
  anchor,
  isGraphemeBoundary,
  type SelectorInput,
  type Selectors,
  snapToGraphemes,
} from "@factmark/core";

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
  const { start, end } = anchored.selectors.position;
  // A claim must hold whole characters: one that ends between a letter and its accent, or inside an
  // emoji sequence, shrinks once its text is normalised, and half a surrogate pair no database keeps.
  for (const [side, offset] of [
    ["start", start],
    ["end", end],
  ] as const) {
    if (isGraphemeBoundary(text, offset)) continue;
    const whole = snapToGraphemes(text, start, end);
    throw new AppError(
      "UNPROCESSABLE",
      `The selection ${side === "start" ? "starts" : "ends"} inside a character; select whole characters (${whole.start}-${whole.end}).`,
      { reason: "split_character", side, offset, wholeCharacters: whole },
    );
  }
  return anchored.selectors;
}
