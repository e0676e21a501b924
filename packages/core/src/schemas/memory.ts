import { z } from "zod";
import { ARTICLE_LIST_STATUSES } from "./article";
import { ZId, ZList, ZTimestamp, ZUserText } from "./common";
import { ZSpeakerKind } from "./publication";
import { VERDICTS, ZVerdict } from "./verdict";

// The newsroom's memory (issue 20): search across every article, a claim's precedents ("checked before") and the
// newsroom's speakers with their records. The shapes both sides share; the server ranks with the database's own
// full-text index (SQLite FTS5, PostgreSQL tsvector), the web shows the answers.

/** What a search result is: a claim (its quote, rationale or speaker matched), an article (title or text) or evidence. */
export const SEARCH_KINDS = ["claim", "article", "evidence"] as const;
export const ZSearchKind = z.enum(SEARCH_KINDS, { error: `kind must be one of ${SEARCH_KINDS.join(", ")}.` });
export type SearchKind = z.infer<typeof ZSearchKind>;

/** A calendar day, YYYY-MM-DD (UTC), as the date filters take it. */
const ZDay = z.iso.date({ error: "Give dates as YYYY-MM-DD." });

/** The most results one page of search answers. */
export const SEARCH_PAGE_LIMIT = 50;

/**
 * GET /api/search's query. `q` is whatever the user typed (up to 500 characters): words, "quoted phrases", a
 * trailing `*` for a prefix, OR between alternatives, `-word` to exclude; anything else is read as plain words,
 * never refused for its syntax. Filters narrow it: `verdict` and `speaker` (a name as the claims spell it, or any
 * of a speaker's aliases) keep claims; `status` keeps results from articles in that list status; `from`/`to`
 * (inclusive days, UTC) the article's date of addition; `articleId` one article. `q` may be empty when a filter
 * is given (everything that passes the filters, newest first). `cursor` is the previous page's `cursor`.
 */
export const ZSearchQuery = z
  .strictObject({
    q: z.string().trim().max(500, "q is at most 500 characters.").default(""),
    kind: ZSearchKind.optional(),
    verdict: z.enum(VERDICTS, { error: `verdict must be one of ${VERDICTS.join(", ")}.` }).optional(),
    // Text as a claim's speaker may be (ZUserText): a NUL reached PostgreSQL as a 500.
    speaker: z.string().trim().min(1).max(200, "speaker is at most 200 characters.").pipe(ZUserText(200)).optional(),
    status: z
      .enum(ARTICLE_LIST_STATUSES, { error: `status must be one of ${ARTICLE_LIST_STATUSES.join(", ")}.` })
      .optional(),
    from: ZDay.optional(),
    to: ZDay.optional(),
    articleId: ZId.optional(),
    cursor: z.string().max(200, "cursor is not one this server gave.").optional(),
    limit: z.coerce
      .number({ error: "limit must be a number." })
      .int("limit must be a whole number.")
      .min(1, "limit is at least 1.")
      .max(SEARCH_PAGE_LIMIT, `limit is at most ${SEARCH_PAGE_LIMIT}.`)
      .default(20),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "from must be on or before to.",
    path: ["from"],
  });
export type SearchQuery = z.input<typeof ZSearchQuery>;
export type SearchFilter = z.output<typeof ZSearchQuery>;

/** The field a highlight comes from. */
export const SEARCH_FIELDS = ["title", "text", "quote", "rationale", "speaker", "evidenceTitle"] as const;
export const ZSearchField = z.enum(SEARCH_FIELDS);
export type SearchField = z.infer<typeof ZSearchField>;

/**
 * Where the query's words matched in one field: `text` is the field's value, or for long fields (an article's text,
 * a rationale) an excerpt of up to about 240 UTF-16 units around the first match, with "…" where it was cut;
 * `ranges` are the matched words within `text`, UTF-16 offsets, start inclusive, end exclusive, in order, not
 * overlapping.
 */
export const ZSearchHighlight = z.object({
  field: ZSearchField,
  text: z.string(),
  ranges: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })),
});
export type SearchHighlight = z.infer<typeof ZSearchHighlight>;

/** The article a result belongs to, as a result shows it. */
export const ZSearchArticleRef = z.object({ id: ZId, title: z.string(), createdAt: ZTimestamp });

const ZSearchItemBase = {
  /** Higher is better; comparable only within one answer. */
  score: z.number(),
  article: ZSearchArticleRef,
  highlights: z.array(ZSearchHighlight),
};

/** One search result: a claim, an article or an evidence item (with the claim it supports or disputes). */
export const ZSearchItem = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("claim"),
    ...ZSearchItemBase,
    claim: z.object({ id: ZId, quote: z.string(), verdict: ZVerdict, speaker: z.string().nullable() }),
  }),
  z.object({ kind: z.literal("article"), ...ZSearchItemBase }),
  z.object({
    kind: z.literal("evidence"),
    ...ZSearchItemBase,
    evidence: z.object({ id: ZId, url: z.string(), title: z.string().nullable() }),
    claim: z.object({ id: ZId, quote: z.string(), verdict: ZVerdict, speaker: z.string().nullable() }),
  }),
]);
export type SearchItem = z.infer<typeof ZSearchItem>;

/** GET /api/search: a page of results, best first; `cursor` fetches the next page, null on the last. */
export const ZSearchResults = z.object({ items: z.array(ZSearchItem), cursor: z.string().nullable() });
export type SearchResults = z.infer<typeof ZSearchResults>;

/** Why a precedent matched, in the words the claim's details show. */
export const PRECEDENT_REASON_KINDS = ["shared-words", "same-numbers", "same-speaker"] as const;
export const ZPrecedentReason = z.object({
  kind: z.enum(PRECEDENT_REASON_KINDS),
  /** In words: "shares: drones, Russia, supply", "the same numbers: 12%", "the same speaker: Robert Malley". */
  text: z.string(),
});
export type PrecedentReason = z.infer<typeof ZPrecedentReason>;

/** The most precedents GET /api/claims/:id/precedents answers. */
export const PRECEDENT_LIMIT = 5;

/**
 * One claim from another article that says much the same thing as the claim asked about: the claim, its article
 * (with whether a fact-check of it is published), a score in 0..1 and why it matched.
 */
export const ZPrecedent = z.object({
  claim: z.object({
    id: ZId,
    quote: z.string(),
    verdict: ZVerdict,
    speaker: z.string().nullable(),
    rationale: z.string(),
    updatedAt: ZTimestamp,
  }),
  article: z.object({
    id: ZId,
    title: z.string(),
    createdAt: ZTimestamp,
    /** Whether a fact-check of the article is published now (published, not retracted). */
    isPublished: z.boolean(),
  }),
  score: z.number().min(0).max(1),
  reasons: z.array(ZPrecedentReason),
});
export type Precedent = z.infer<typeof ZPrecedent>;

/** GET /api/claims/:id/precedents: up to PRECEDENT_LIMIT live claims of other live articles, best first. */
export const ZPrecedentList = z.object({ items: z.array(ZPrecedent) });
export type PrecedentList = z.infer<typeof ZPrecedentList>;

/** A speaker's claims per verdict. */
export const ZSpeakerVerdictCounts = z.record(ZVerdict, z.number().int().nonnegative());

/**
 * One of the newsroom's speakers: the name shown, its kind (ClaimReview's `author` type; null until someone sets
 * it), every alias claims may spell it by (the name included), and its record: live claims per verdict, and per
 * month (`YYYY-MM` of the claim's creation, oldest first) for the chart.
 */
export const ZNewsroomSpeaker = z.object({
  id: ZId,
  name: z.string(),
  kind: ZSpeakerKind.nullable(),
  aliases: z.array(z.string()),
  claimCount: z.number().int().nonnegative(),
  articleCount: z.number().int().nonnegative(),
  counts: ZSpeakerVerdictCounts,
  lastClaimAt: ZTimestamp.nullable(),
});
export type NewsroomSpeaker = z.infer<typeof ZNewsroomSpeaker>;

/** GET /api/speakers: every speaker claims are attributed to, A to Z; `q` narrows by name or alias. */
export const ZNewsroomSpeakerList = ZList(ZNewsroomSpeaker);
export type NewsroomSpeakerList = z.infer<typeof ZNewsroomSpeakerList>;

/** GET /api/speakers/:id: the speaker, its record over time, and its claims, newest first. */
export const ZNewsroomSpeakerDetail = ZNewsroomSpeaker.extend({
  byMonth: z.array(z.object({ month: z.string(), counts: ZSpeakerVerdictCounts })),
  claims: z.array(
    z.object({
      id: ZId,
      quote: z.string(),
      verdict: ZVerdict,
      /** The name as this claim spells it (one of `aliases`). */
      speaker: z.string(),
      createdAt: ZTimestamp,
      article: z.object({ id: ZId, title: z.string(), isPublished: z.boolean() }),
    }),
  ),
});
export type NewsroomSpeakerDetail = z.infer<typeof ZNewsroomSpeakerDetail>;

/**
 * PATCH /api/speakers/:id (reviewers and up): the name shown, the kind, and the full list of aliases (the name is
 * always one). An alias another speaker already has is refused (409): merge them instead.
 */
export const ZNewsroomSpeakerUpdate = z
  .strictObject({
    name: ZUserText(200).optional(),
    kind: ZSpeakerKind.nullable().optional(),
    aliases: z.array(ZUserText(200)).max(50, "A speaker has at most 50 aliases.").optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "Say what to change.");
export type NewsroomSpeakerUpdate = z.infer<typeof ZNewsroomSpeakerUpdate>;

/** POST /api/speakers/:id/merge (reviewers and up): this speaker's aliases and claims become `intoId`'s. */
export const ZNewsroomSpeakerMerge = z.strictObject({ intoId: ZId });
export type NewsroomSpeakerMerge = z.infer<typeof ZNewsroomSpeakerMerge>;
