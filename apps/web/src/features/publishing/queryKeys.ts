import { articleKeys } from "../articles/queryKeys";

/** Query keys of publications, inside their article's (see articleKeys); the newsroom's settings stand apart. */
export const publicationKeys = {
  ofArticle: (articleId: string) => [...articleKeys.ofArticle(articleId), "publications"] as const,
  /**
   * The article's versions, as of its publication state: a new version or a retraction (which the article
   * answer carries, and the live stream refreshes) makes a new key, so the list is read again.
   */
  list: (articleId: string, latestVersion: number, retractedAt: string | null) =>
    [...publicationKeys.ofArticle(articleId), latestVersion, retractedAt] as const,
  settings: () => ["newsroom", "settings"] as const,
};
