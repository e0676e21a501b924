import {
  AppError,
  ARTICLE_LIMITS,
  articleText,
  countDocBlocks,
  type DocNode,
  TOO_MANY_BLOCKS_MESSAGE,
} from "@factmark/core";

/**
 * Refuses a converted document larger than an article may be: more than ARTICLE_LIMITS.blockCount blocks (counted
 * first, stopping past the limit) or ARTICLE_LIMITS.contentLength characters of text. Errors: PAYLOAD_TOO_LARGE (413)
 * with `details.limit` "blocks" or "characters", and `max`.
 */
export function assertArticleWithinLimits(doc: DocNode): DocNode {
  if (countDocBlocks(doc, ARTICLE_LIMITS.blockCount) > ARTICLE_LIMITS.blockCount) throw tooManyBlocks();
  if (articleText(doc).length > ARTICLE_LIMITS.contentLength) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The article has more than ${ARTICLE_LIMITS.contentLength.toLocaleString("en")} characters.`,
      { limit: "characters", max: ARTICLE_LIMITS.contentLength },
    );
  }
  return doc;
}

/** The answer to an article over ARTICLE_LIMITS.blockCount, however its blocks were counted. */
export function tooManyBlocks(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", TOO_MANY_BLOCKS_MESSAGE, {
    limit: "blocks",
    max: ARTICLE_LIMITS.blockCount,
  });
}
