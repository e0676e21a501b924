import { z } from "zod";
import { articleText, type DocNode } from "../text/articleText";
import { countDocBlocks, ZEditorDoc } from "../text/editorDoc";
import { ZHttpUrl, ZId, ZList, ZOptionalLine, ZTimestamp, ZUserText } from "./common";
import {
  type ArticlePublicationState,
  ZArticlePublicationState,
  ZConclusion,
  ZSpeakerKinds,
  ZSpeakerKindsUpdate,
} from "./publication";
import { ZVerdict } from "./verdict";
import { ZArticleProgress } from "./workflow";

/** Limits on what an article may hold; the server's body limit follows from them. */
export const ARTICLE_LIMITS = {
  titleLength: 500,
  contentLength: 2_000_000,
  docDepth: 12,
  /** Blocks (paragraphs, headings, lists, list items, quotes) wherever they nest; see countDocBlocks. */
  blockCount: 50_000,
  /** An uploaded file: the server refuses larger ones, the web app says so before sending. */
  uploadBytes: 5 * 1024 * 1024,
} as const;

/** A Tiptap (ProseMirror) JSON node. Only its shape is checked here; the editor's schema checks the rest. */
export const ZDocNode: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    text: z.string().optional(),
    content: z.array(ZDocNode).optional(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    marks: z
      .array(z.object({ type: z.string().min(1).max(64), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
  }),
);

const ZArticleMetadata = {
  sourceUrl: ZHttpUrl.nullable().optional(),
  outlet: ZOptionalLine(200),
  author: ZOptionalLine(200),
  publishedAt: z.union([z.iso.date(), ZTimestamp]).nullable().optional(),
};

/** The formats an article's content may come in: plain text, pasted or fetched HTML, Markdown. */
export const ARTICLE_FORMATS = ["text", "html", "markdown"] as const;
export const ZArticleFormat = z.enum(ARTICLE_FORMATS);
export type ArticleFormat = z.infer<typeof ZArticleFormat>;

/**
 * POST /api/articles. Format "text": one paragraph per non-empty line; "html" and "markdown" are
 * converted to the editor's document (headings, paragraphs, lists, quotes, bold, italic, http(s)
 * links) and everything else is dropped: scripts, styles, event handlers, iframes, images.
 */
export const ZArticleCreate = z.strictObject({
  title: ZUserText(ARTICLE_LIMITS.titleLength).trim().min(1, "Give the article a title."),
  format: ZArticleFormat,
  content: ZUserText(ARTICLE_LIMITS.contentLength).refine(
    (value) => value.trim().length > 0,
    "The article has no text.",
  ),
  ...ZArticleMetadata,
});
export type ArticleCreate = z.infer<typeof ZArticleCreate>;

/** The message a document over ARTICLE_LIMITS.blockCount is refused with, wherever it comes from. */
export const TOO_MANY_BLOCKS_MESSAGE = `The article has more than ${ARTICLE_LIMITS.blockCount.toLocaleString("en")} blocks (paragraphs, headings, list items and quotes).`;

/**
 * An edited article body: a document of the editor's schema, with at most ARTICLE_LIMITS.blockCount blocks (counted
 * first, so a huge document is refused before its shape is checked) and ARTICLE_LIMITS.contentLength characters,
 * that still holds some text.
 */
export const ZArticleDoc: z.ZodType<DocNode> = z
  .unknown()
  .refine((value) => countDocBlocks(value, ARTICLE_LIMITS.blockCount) <= ARTICLE_LIMITS.blockCount, {
    message: TOO_MANY_BLOCKS_MESSAGE,
    abort: true,
  })
  .pipe(ZEditorDoc)
  .refine((doc) => articleText(doc).trim().length > 0, "The article has no text.")
  .refine(
    (doc) => articleText(doc).length <= ARTICLE_LIMITS.contentLength,
    `The article's text is longer than ${ARTICLE_LIMITS.contentLength} characters.`,
  );

/**
 * PATCH /api/articles/:id (with If-Match): the metadata, and/or `doc`, the edited body. A new body
 * re-anchors every claim of the article in the same transaction.
 */
export const ZArticleUpdate = z
  .strictObject({
    title: ZUserText(ARTICLE_LIMITS.titleLength).trim().min(1, "Give the article a title.").optional(),
    ...ZArticleMetadata,
    doc: ZArticleDoc.optional(),
    /** Editors: the summary and overall rating; null clears it. */
    conclusion: ZConclusion.nullable().optional(),
    /** Editors: each speaker's kind (Person or Organization), merged into what is stored; null forgets one. */
    speakerKinds: ZSpeakerKindsUpdate.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "Say what to change.");
export type ArticleUpdate = z.infer<typeof ZArticleUpdate>;

export const ZVerdictCounts = z.record(ZVerdict, z.number().int().nonnegative());

const ZArticleFields = {
  id: ZId,
  title: z.string(),
  sourceUrl: z.string().nullable(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  version: z.number().int().positive(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
};

/**
 * An article as GET /api/articles/:id answers it: metadata, the Tiptap document and its text projection, its
 * conclusion, its speakers' kinds and where its publication stands.
 */
export const ZArticle = z.object({
  ...ZArticleFields,
  doc: ZDocNode,
  text: z.string(),
  conclusion: ZConclusion.nullable(),
  speakerKinds: ZSpeakerKinds,
  publication: ZArticlePublicationState,
});
export type Article = z.infer<typeof ZArticle>;

/** An article in the list: metadata and its claim counts per verdict. */
export const ZArticleSummary = z.object({
  ...ZArticleFields,
  counts: ZVerdictCounts,
  orphanCount: z.number().int().nonnegative(),
  progress: ZArticleProgress,
  publication: ZArticlePublicationState,
  /** Only in the list of deleted articles: when it was deleted. */
  deletedAt: ZTimestamp.optional(),
});
export type ArticleSummary = z.infer<typeof ZArticleSummary>;

export const ZArticleList = ZList(ZArticleSummary);
export type ArticleList = z.infer<typeof ZArticleList>;

/** What "has" filters the list by: articles with at least one live claim of that verdict, or one orphan. */
export const ARTICLE_LIST_HAS = ["contradicted", "supported", "unverified", "orphaned"] as const;
export type ArticleListHas = (typeof ARTICLE_LIST_HAS)[number];

/**
 * Where an article's claims stand, as the list shows it: every article is in exactly one. No verdicts yet; verdicts
 * in progress (none waiting, none sent back, not all approved); claims waiting for an editor's review (this wins over
 * changes requested, so an editor filtering for what to review sees every such article); changes requested; every
 * verdict approved.
 */
export const ARTICLE_LIST_PROGRESS_STATUSES = [
  "no-verdicts",
  "in-progress",
  "waiting-for-review",
  "changes-requested",
  "approved",
] as const;
export type ArticleListProgressStatus = (typeof ARTICLE_LIST_PROGRESS_STATUSES)[number];

/**
 * The list's status filter: an article's progress (exactly one of ARTICLE_LIST_PROGRESS_STATUSES), or whether it is
 * published (not retracted) or retracted. Publication is a second axis, so a published article is also in one
 * progress status (approved, or another after its claims changed since).
 */
export const ARTICLE_LIST_STATUSES = [...ARTICLE_LIST_PROGRESS_STATUSES, "published", "retracted"] as const;
export type ArticleListStatus = (typeof ARTICLE_LIST_STATUSES)[number];

/** The words the list's status filter shows for each status. */
export const ARTICLE_LIST_STATUS_LABELS: Record<ArticleListStatus, string> = {
  "no-verdicts": "No verdicts yet",
  "in-progress": "Verdicts in progress",
  "waiting-for-review": "Waiting for review",
  "changes-requested": "Changes requested",
  approved: "All approved",
  published: "Published",
  retracted: "Retracted",
};

/** Where an article's claims stand: exactly one of ARTICLE_LIST_PROGRESS_STATUSES. */
export function articleProgressStatus(progress: ArticleSummary["progress"]): ArticleListProgressStatus {
  if (progress.withVerdict === 0) return "no-verdicts";
  if (progress.readyForReview > 0) return "waiting-for-review";
  if (progress.changesRequested > 0) return "changes-requested";
  if (progress.approved >= progress.withVerdict) return "approved";
  return "in-progress";
}

/** Whether a fact-check of the article is public now: published at least once, and its latest version not retracted. */
export function isPublishedNow(publication: Pick<ArticlePublicationState, "latestVersion" | "retractedAt">): boolean {
  return publication.latestVersion > 0 && publication.retractedAt === null;
}

/** Whether an article summary stands where `status` says: its one progress status, or its publication. */
export function isArticleInStatus(
  summary: Pick<ArticleSummary, "progress" | "publication">,
  status: ArticleListStatus,
): boolean {
  const { progress, publication } = summary;
  switch (status) {
    case "published":
      return isPublishedNow(publication);
    case "retracted":
      return publication.latestVersion > 0 && publication.retractedAt !== null;
    default:
      return articleProgressStatus(progress) === status;
  }
}

/**
 * GET /api/articles' query: `q` finds articles whose title, outlet or text holds it (ignoring case); `has` keeps
 * those with a claim of that verdict (or an orphan); `status` those standing there; `deleted=true` lists the
 * deleted articles instead (editors). Any other parameter is refused, so a misspelt filter never silently
 * lists everything.
 */
export const ZArticleListQuery = z.strictObject({
  q: z.string().trim().max(200, "q is at most 200 characters.").optional(),
  has: z.enum(ARTICLE_LIST_HAS, { error: `has must be one of ${ARTICLE_LIST_HAS.join(", ")}.` }).optional(),
  status: z
    .enum(ARTICLE_LIST_STATUSES, { error: `status must be one of ${ARTICLE_LIST_STATUSES.join(", ")}.` })
    .optional(),
  deleted: z
    .enum(["true", "false"], { error: "deleted must be true or false." })
    .transform((value) => value === "true")
    .optional(),
});
export type ArticleListQuery = z.input<typeof ZArticleListQuery>;
export type ArticleListFilter = z.output<typeof ZArticleListQuery>;

/** What re-anchoring did to an article's claims on a save: how many stayed, moved, changed or lost their text. */
export const ZReanchorSummary = z.object({
  exact: z.number().int().nonnegative(),
  moved: z.number().int().nonnegative(),
  fuzzy: z.number().int().nonnegative(),
  orphaned: z.number().int().nonnegative(),
});

/** The answer to PATCH /api/articles/:id: the article, and when its body changed, what happened to its claims. */
export const ZArticleSaved = ZArticle.extend({ reanchored: ZReanchorSummary.optional() });
export type ArticleSaved = z.infer<typeof ZArticleSaved>;

/** POST /api/articles/from-url: the page to import. */
export const ZArticleFromUrl = z.strictObject({
  url: ZHttpUrl.refine((value) => {
    // Zod runs this refinement even when ZHttpUrl's failed, so the value may not parse.
    const url = URL.canParse(value) ? new URL(value) : undefined;
    return url === undefined || (url.username === "" && url.password === "");
  }, "A URL may not carry a user name or password."),
});
export type ArticleFromUrl = z.infer<typeof ZArticleFromUrl>;

/** POST /api/articles/upload: the form fields beside `file`. The title defaults to the document's own. */
export const ZArticleUploadFields = z.strictObject({
  title: ZUserText(ARTICLE_LIMITS.titleLength).trim().optional(),
  ...ZArticleMetadata,
});
export type ArticleUploadFields = z.infer<typeof ZArticleUploadFields>;

/** The file types POST /api/articles/upload reads, by extension. */
export const ARTICLE_UPLOAD_EXTENSIONS = [".txt", ".md", ".html", ".htm", ".docx"] as const;
