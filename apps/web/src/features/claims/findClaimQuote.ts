/**
 * The "Show claim in the text" button of claim `claimId`'s card in the claim list, the control focus goes to when
 * an action lands on that claim; null while the card is not rendered (filtered out, or windowed away).
 */
export function findClaimQuote(claimId: string): HTMLElement | null {
  const quoted = claimId.replace(/["\\]/g, "\\$&");
  return document.querySelector<HTMLElement>(`.claim-list [data-claim-id="${quoted}"] .claim-card__quote`);
}
