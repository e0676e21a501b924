import { z } from "zod";
import { ZActor, ZId, ZList, ZTimestamp, ZUserText } from "./common";

/**
 * The overall rating of an article's fact-check, shown at the top of the report and the public page. A scale
 * of its own: an article can be mostly right and wrong in one place, which no single claim verdict says.
 */
export const CONCLUSION_RATINGS = [
  "accurate",
  "mostly-accurate",
  "mixed",
  "mostly-inaccurate",
  "inaccurate",
  "unproven",
] as const;
export const ZConclusionRating = z.enum(CONCLUSION_RATINGS, {
  error: `rating must be one of: ${CONCLUSION_RATINGS.join(", ")}.`,
});
export type ConclusionRating = z.infer<typeof ZConclusionRating>;

/** How a conclusion rating reads to a person. */
export const CONCLUSION_RATING_LABELS: Record<ConclusionRating, string> = {
  accurate: "Accurate",
  "mostly-accurate": "Mostly accurate",
  mixed: "Mixed",
  "mostly-inaccurate": "Mostly inaccurate",
  inaccurate: "Inaccurate",
  unproven: "Unproven",
};

export const CONCLUSION_SUMMARY_LENGTH = 20_000;

/**
 * An article's conclusion: a summary with the rationale's light formatting (paragraphs, lists, emphasis,
 * http(s) links; core's parseRationale reads it) and an overall rating. Set by editors with PATCH
 * /api/articles/:id `{"conclusion": {...}}`; null clears it.
 */
export const ZConclusion = z.strictObject({
  summary: ZUserText(CONCLUSION_SUMMARY_LENGTH)
    .transform((value) => value.trim())
    .pipe(z.string().min(1, "Write the conclusion's summary.")),
  rating: ZConclusionRating,
});
export type Conclusion = z.infer<typeof ZConclusion>;

/** Whether a claim's speaker is a person or an organisation: ClaimReview's `itemReviewed.author` needs the type. */
export const SPEAKER_KINDS = ["Person", "Organization"] as const;
export const ZSpeakerKind = z.enum(SPEAKER_KINDS, {
  error: `A speaker's kind is one of: ${SPEAKER_KINDS.join(", ")}.`,
});
export type SpeakerKind = z.infer<typeof ZSpeakerKind>;

/**
 * The kind of each speaker of an article, set once per speaker name (PATCH /api/articles/:id
 * `{"speakerKinds": {"Ana Ruiz": "Person"}}`; a name mapped to null forgets it). Names as the claims spell them.
 */
export const ZSpeakerKinds = z.record(ZUserText(200), ZSpeakerKind);
export type SpeakerKinds = z.infer<typeof ZSpeakerKinds>;
/**
 * The `speakerKinds` of PATCH /api/articles/:id. A "__proto__" key is refused before the record is read: zod, like
 * a plain object, would drop it silently, answering 200 and storing nothing (and such a name cannot be a speaker).
 */
export const ZSpeakerKindsUpdate = z
  .unknown()
  .refine(
    (value) => typeof value !== "object" || value === null || !Object.hasOwn(value, "__proto__"),
    "“__proto__” cannot be a speaker's name.",
  )
  .pipe(
    z
      .record(ZUserText(200), ZSpeakerKind.nullable())
      .refine((value) => Object.keys(value).length <= 500, "At most 500 speakers at once."),
  );

export const CORRECTION_NOTE_LENGTH = 2_000;

/**
 * POST /api/articles/:id/publications (editors, If-Match on the article's version): publish the fact-check as it
 * stands now. The first publication takes no note; every later one is a correction and must say what changed.
 */
export const ZPublicationCreate = z.strictObject({
  correctionNote: ZUserText(CORRECTION_NOTE_LENGTH)
    .transform((value) => value.trim())
    .optional(),
});
export type PublicationCreate = z.infer<typeof ZPublicationCreate>;

/** POST /api/articles/:id/publications/retract (admins): take the fact-check back, saying why. */
export const ZPublicationRetract = z.strictObject({
  note: ZUserText(CORRECTION_NOTE_LENGTH)
    .transform((value) => value.trim())
    .pipe(z.string().min(1, "Say why the fact-check is retracted.")),
});
export type PublicationRetract = z.infer<typeof ZPublicationRetract>;

/** One published version of an article's fact-check, as the API answers it. */
export const ZPublication = z.object({
  id: ZId,
  articleId: ZId,
  version: z.number().int().positive(),
  slug: z.string(),
  /** The public page of this version: `${PUBLIC_URL}/fact-checks/:slug?version=k` (the latest has no `version`). */
  url: z.string(),
  publishedAt: ZTimestamp,
  publishedBy: ZActor,
  /** null on version 1. */
  correctionNote: z.string().nullable(),
  /** Set when an admin retracted the fact-check while this was its latest version. */
  retractedAt: ZTimestamp.nullable(),
  retractionNote: z.string().nullable(),
  retractedBy: ZActor.nullable(),
});
export type Publication = z.infer<typeof ZPublication>;

/** GET /api/articles/:id/publications: every version, newest first. */
export const ZPublicationList = ZList(ZPublication);
export type PublicationList = z.infer<typeof ZPublicationList>;

/** A claim that keeps an article from being published, and why, in words. */
export const ZPublicationBlocker = z.object({
  /** null: the article itself (no conclusion, no source URL, …). */
  claimId: ZId.nullable(),
  /** The claim's number in document order (as in the report), or null for the article. */
  number: z.number().int().positive().nullable(),
  reason: z.string(),
});
export type PublicationBlocker = z.infer<typeof ZPublicationBlocker>;

/** The `details` of the 409 a publish answers when something blocks it. */
export const ZPublicationBlockers = z.object({ blockers: z.array(ZPublicationBlocker) });

/** The state of an article's publication, carried by the article answer. */
export const ZArticlePublicationState = z.object({
  slug: z.string().nullable(),
  /** The latest version, or 0 when never published. */
  latestVersion: z.number().int().nonnegative(),
  firstPublishedAt: ZTimestamp.nullable(),
  latestPublishedAt: ZTimestamp.nullable(),
  retractedAt: ZTimestamp.nullable(),
  /** The public page's URL, or null when never published. */
  url: z.string().nullable(),
});
export type ArticlePublicationState = z.infer<typeof ZArticlePublicationState>;

/** The publication state of an article never published. */
export const NEVER_PUBLISHED: ArticlePublicationState = Object.freeze({
  slug: null,
  latestVersion: 0,
  firstPublishedAt: null,
  latestPublishedAt: null,
  retractedAt: null,
  url: null,
});

/** What an article carries before anyone concludes or publishes it: no conclusion, no speaker kinds, never published. */
export const UNCONCLUDED_ARTICLE = Object.freeze({
  conclusion: null,
  speakerKinds: Object.freeze({}) as SpeakerKinds,
  publication: NEVER_PUBLISHED,
});
