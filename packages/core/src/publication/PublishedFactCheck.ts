import { z } from "zod";
import { ZReportModel } from "../report/ReportModel";
import { ZTimestamp } from "../schemas/common";
import { ZConclusion, ZSpeakerKinds } from "../schemas/publication";

/**
 * One published version of a fact-check, frozen: what the public pages of that version show, whatever happens
 * to the article afterwards. Stored as JSON in `Publication.snapshot` and read back with this schema.
 *
 * `model` is the report model as it stood, built for the public: only the claims that were published (core's
 * `isPublishableClaim`, all approved), no working history (`events` empty, each claim's `history` empty).
 * Claims are in document order; their numbers are public addresses kept for good across versions
 * (`/fact-checks/:slug/claims/:number` names one claim in every version): a claim keeps the number it was first
 * published under, and a claim published later takes the next number never used, so numbers may have gaps and need
 * not follow document order. Find a claim by its `number`, never by its index.
 */
export const ZPublishedFactCheck = z.object({
  schemaVersion: z.literal(1),
  slug: z.string(),
  version: z.number().int().positive(),
  /** When this version was published. */
  publishedAt: ZTimestamp,
  /** When version 1 was published: a claim's ClaimReview `datePublished` when claimsFirstPublishedAt lacks it. */
  firstPublishedAt: ZTimestamp,
  /**
   * Every claim ever published by id (claims of earlier versions since dropped too): its public number, kept for
   * good. Absent from snapshots stored before numbers were kept across versions.
   */
  claimNumbers: z.record(z.string(), z.number().int().positive()).optional(),
  /**
   * Every claim ever published by id: when it was first published, its ClaimReview `datePublished` (stable across
   * corrections). Absent from older snapshots: then firstPublishedAt.
   */
  claimsFirstPublishedAt: z.record(z.string(), ZTimestamp).optional(),
  /** This version's correction note (null on version 1). */
  correctionNote: z.string().nullable(),
  /** The notes of the versions before this one that were corrections, oldest first. */
  earlierCorrections: z.array(
    z.object({ version: z.number().int().positive(), publishedAt: ZTimestamp, note: z.string() }),
  ),
  conclusion: ZConclusion,
  speakerKinds: ZSpeakerKinds,
  /** Where the public pages live, without a trailing slash: PUBLIC_URL, or the organisation's URL. */
  publicBaseUrl: z.string(),
  model: ZReportModel,
});
export type PublishedFactCheck = z.infer<typeof ZPublishedFactCheck>;

/** What a public page shows beyond its frozen version: whether the fact-check is retracted, and which versions exist. */
export interface PublicPageState {
  /** Set when an admin retracted the fact-check: every page of every version says so. */
  retraction: { at: string; note: string } | null;
  /** The newest version: an older version's page says that it is not the latest and links to it. */
  latestVersion: number;
}

/** The slugs are lower-case ASCII words joined by "-", at most this long. */
export const SLUG_MAX_LENGTH = 80;

/**
 * A public address name made from a title: lower-case ASCII letters and digits joined by "-", accents folded
 * ("Irán niega" → "iran-niega"), at most SLUG_MAX_LENGTH characters cut at a word; "fact-check" when nothing is
 * left (a title in another script). The server adds "-2", "-3"… when the slug is taken.
 */
export function slugify(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_MAX_LENGTH) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, SLUG_MAX_LENGTH) ?? "") || "fact-check";
}

// The public pages' builders, their ClaimReview and their address live beside this file; exported from here, with
// the snapshot they read.
export { buildPublicArticlePage } from "./buildPublicArticlePage";
export { buildPublicClaimPage } from "./buildPublicClaimPage";
export { buildPublicErrorPage, type PublicErrorPage } from "./buildPublicErrorPage";
export { buildPublishedClaimReview } from "./buildPublishedClaimReview";
export { formatPublicDate } from "./formatPublicDate";
export { publicFactCheckUrl } from "./publicFactCheckUrl";
export { PUBLIC_PAGE_CSS, PUBLIC_PAGE_CSS_PATH } from "./publicPageStyles";
export { serializeJsonLdForHtml } from "./serializeJsonLdForHtml";
