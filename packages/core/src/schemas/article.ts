import { z } from "zod";
import type { DocNode } from "../text/articleText";
import { ZHttpUrl, ZId, ZList, ZOptionalLine, ZTimestamp, ZUserText } from "./common";
import { ZVerdict } from "./verdict";

/** Limits on what an article may hold; the server's body limit follows from them. */
export const ARTICLE_LIMITS = {
  titleLength: 500,
  contentLength: 2_000_000,
  docDepth: 12,
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

/** POST /api/articles. Format "text": one paragraph per non-empty line. */
export const ZArticleCreate = z.strictObject({
  title: ZUserText(ARTICLE_LIMITS.titleLength).trim().min(1, "Give the article a title."),
  format: z.literal("text"),
  content: ZUserText(ARTICLE_LIMITS.contentLength).refine(
    (value) => value.trim().length > 0,
    "The article has no text.",
  ),
  ...ZArticleMetadata,
});
export type ArticleCreate = z.infer<typeof ZArticleCreate>;

/** PATCH /api/articles/:id: the metadata. */
export const ZArticleUpdate = z
  .strictObject({
    title: ZUserText(ARTICLE_LIMITS.titleLength).trim().min(1, "Give the article a title.").optional(),
    ...ZArticleMetadata,
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

/** An article as GET /api/articles/:id answers it: metadata, the Tiptap document and its text projection. */
export const ZArticle = z.object({
  ...ZArticleFields,
  doc: ZDocNode,
  text: z.string(),
});
export type Article = z.infer<typeof ZArticle>;

/** An article in the list: metadata and its claim counts per verdict. */
export const ZArticleSummary = z.object({
  ...ZArticleFields,
  counts: ZVerdictCounts,
  orphanCount: z.number().int().nonnegative(),
});
export type ArticleSummary = z.infer<typeof ZArticleSummary>;

export const ZArticleList = ZList(ZArticleSummary);
export type ArticleList = z.infer<typeof ZArticleList>;
