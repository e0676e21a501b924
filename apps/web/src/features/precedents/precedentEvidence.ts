import {
  type EvidenceCreate,
  type EvidenceStance,
  type Precedent,
  toSafeHttpUrl,
  VERDICT_LABELS,
} from "@factmark/core";
import { claimAddress } from "../workflow/claimAddress";

/** How much of the precedent's rationale the evidence quotes, in characters. */
const EXCERPT_LENGTH = 300;
/** How much of the article's title the evidence's title keeps (the title is at most 500). */
const TITLE_ARTICLE_LENGTH = 200;

/** The absolute address of a precedent's claim on this app (`origin` is `window.location.origin`). */
export function precedentUrl(precedent: Precedent, origin: string): string {
  const url = new URL(claimAddress(precedent.article.id, precedent.claim.id), origin).href;
  // Serialised as the server stores evidence URLs, so it compares equal to one stored.
  return toSafeHttpUrl(url) ?? url;
}

/**
 * The body that adds a precedent as evidence to another claim: its address, a title naming its verdict and
 * article ("Checked before: Contradicted in “…”"), and the start of its rationale (none when it has none).
 */
export function precedentEvidence(precedent: Precedent, stance: EvidenceStance, origin: string): EvidenceCreate {
  const rationale = precedent.claim.rationale.trim();
  return {
    url: precedentUrl(precedent, origin),
    title: `Checked before: ${VERDICT_LABELS[precedent.claim.verdict]} in “${cut(precedent.article.title, TITLE_ARTICLE_LENGTH)}”`,
    excerpt: rationale ? cut(rationale, EXCERPT_LENGTH) : null,
    stance,
  };
}

/** `text` up to `length` characters, cut at a word with "…" when longer. */
function cut(text: string, length: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= length) return line;
  const head = line.slice(0, length);
  const wordEnd = head.lastIndexOf(" ");
  return `${(wordEnd > length / 2 ? head.slice(0, wordEnd) : head).trimEnd()}…`;
}
