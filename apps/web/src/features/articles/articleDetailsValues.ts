import type { Article } from "@factmark/core";

/** What the article details fields hold: every field as typed, the date as the date input's yyyy-mm-dd. */
export interface ArticleDetailsValues {
  title: string;
  outlet: string;
  author: string;
  sourceUrl: string;
  publishedAt: string;
}

export type ArticleDetailsField = keyof ArticleDetailsValues;

export const ARTICLE_DETAILS_FIELDS = ["title", "outlet", "author", "sourceUrl", "publishedAt"] as const;

export const EMPTY_ARTICLE_DETAILS: ArticleDetailsValues = {
  title: "",
  outlet: "",
  author: "",
  sourceUrl: "",
  publishedAt: "",
};

/** A message per field, and `form` for what concerns no single field. */
export type FieldErrors<Field extends string> = Partial<Record<Field | "form", string>>;

/** The details of a stored article, as the fields show them. */
export function articleDetailsValues(article: Article): ArticleDetailsValues {
  return {
    title: article.title,
    outlet: article.outlet ?? "",
    author: article.author ?? "",
    sourceUrl: article.sourceUrl ?? "",
    // A stored timestamp shows as its day; the date input holds no time.
    publishedAt: article.publishedAt?.slice(0, 10) ?? "",
  };
}

/** The filled-in details only: a blank field means "let the server decide", so it is not sent. */
export function filledDetails(values: ArticleDetailsValues): Partial<ArticleDetailsValues> {
  return Object.fromEntries(
    ARTICLE_DETAILS_FIELDS.filter((field) => values[field].trim() !== "").map((field) => [field, values[field]]),
  );
}

/**
 * Field errors from issues with a path: the core schemas' on the client, the server's
 * `details.issues` after it. The first issue of a field wins; unknown paths go to `form`.
 */
export function fieldErrorsOf<Field extends string>(
  fields: readonly Field[],
  issues: readonly { path: readonly PropertyKey[] | string; message: string }[],
): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  for (const issue of issues) {
    const first = typeof issue.path === "string" ? issue.path.split(".")[0] : issue.path[0];
    const field = fields.find((name) => name === first) ?? "form";
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The `details.issues` of a VALIDATION_FAILED answer, if it carries any. */
export function serverIssues(details: unknown): { path: string; message: string }[] {
  if (typeof details !== "object" || details === null || !("issues" in details) || !Array.isArray(details.issues)) {
    return [];
  }
  return details.issues.filter(
    (issue): issue is { path: string; message: string } =>
      typeof issue?.path === "string" && typeof issue?.message === "string",
  );
}

/** The `details.reason` of an error answer, if it carries one. */
export function serverReason(details: unknown): string | undefined {
  if (typeof details !== "object" || details === null || !("reason" in details)) return undefined;
  return typeof details.reason === "string" ? details.reason : undefined;
}
