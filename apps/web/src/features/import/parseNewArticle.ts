import {
  type ArticleCreate,
  type ArticleFromUrl,
  type ArticleUpdate,
  type ArticleUploadFields,
  ZArticleCreate,
  ZArticleFromUrl,
  ZArticleUpdate,
  ZArticleUploadFields,
} from "@factmark/core";
import {
  ARTICLE_DETAILS_FIELDS,
  type ArticleDetailsValues,
  type FieldErrors,
  fieldErrorsOf,
  filledDetails,
} from "../articles/articleDetailsValues";
import { checkArticleFile } from "./checkArticleFile";

/** The three ways an article comes in. */
export const IMPORT_SOURCES = ["paste", "upload", "url"] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** What was pasted: the clipboard's HTML when it had some (the server sanitises it), and the text shown. */
export interface PastedContent {
  html: string | null;
  text: string;
}

/** Everything the new-article page holds. */
export interface NewArticleDraft {
  source: ImportSource;
  pasted: PastedContent;
  /** How pasted text without HTML is read. */
  textFormat: "text" | "markdown";
  file: File | null;
  url: string;
  details: ArticleDetailsValues;
}

export type NewArticleField = keyof ArticleDetailsValues | "content" | "file" | "url";
export type NewArticleErrors = FieldErrors<NewArticleField>;

export const NEW_ARTICLE_FIELDS: readonly NewArticleField[] = [...ARTICLE_DETAILS_FIELDS, "content", "file", "url"];

/** A checked request: the body of one of the three import routes. */
export type NewArticleRequest =
  | { source: "paste"; input: ArticleCreate }
  | { source: "upload"; file: File; fields: ArticleUploadFields }
  // The URL route takes only the URL; details the reviewer gave are applied afterwards with a PATCH.
  | { source: "url"; input: ArticleFromUrl; details: ArticleUpdate | null };

export type ParsedNewArticle =
  | { isValid: true; request: NewArticleRequest }
  | { isValid: false; errors: NewArticleErrors };

function invalid(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ParsedNewArticle {
  return { isValid: false, errors: fieldErrorsOf(NEW_ARTICLE_FIELDS, issues) };
}

/** The request the draft makes, checked with the same core schemas the server uses; errors by field otherwise. */
export function parseNewArticle(draft: NewArticleDraft): ParsedNewArticle {
  const details = filledDetails(draft.details);
  switch (draft.source) {
    case "paste": {
      const { html, text } = draft.pasted;
      const parsed = ZArticleCreate.safeParse({
        title: draft.details.title,
        format: html !== null ? "html" : draft.textFormat,
        // Pasted formatting that holds no text (an image, say) is as empty as nothing.
        content: html !== null && text.trim() !== "" ? html : text,
        ...details,
      });
      return parsed.success
        ? { isValid: true, request: { source: "paste", input: parsed.data } }
        : invalid(parsed.error.issues);
    }
    case "upload": {
      const fileError = draft.file ? checkArticleFile(draft.file) : "Choose a file to upload, or drop one here.";
      const parsed = ZArticleUploadFields.safeParse(details);
      if (!draft.file || fileError || !parsed.success) {
        const errors = parsed.success ? {} : fieldErrorsOf(NEW_ARTICLE_FIELDS, parsed.error.issues);
        return { isValid: false, errors: fileError ? { ...errors, file: fileError } : errors };
      }
      return { isValid: true, request: { source: "upload", file: draft.file, fields: parsed.data } };
    }
    case "url": {
      const parsed = ZArticleFromUrl.safeParse({ url: draft.url });
      const hasDetails = Object.keys(details).length > 0;
      const parsedDetails = hasDetails ? ZArticleUpdate.safeParse(details) : null;
      if (!parsed.success || (parsedDetails && !parsedDetails.success)) {
        return invalid([...(parsed.error?.issues ?? []), ...(parsedDetails?.error?.issues ?? [])]);
      }
      return {
        isValid: true,
        request: { source: "url", input: parsed.data, details: parsedDetails?.data ?? null },
      };
    }
  }
}
