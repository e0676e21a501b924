import { articleKeys } from "../articles/queryKeys";

/** Query keys of reports: a report is rebuilt from everything about its article, so it sits inside the article's keys. */
export const reportKeys = {
  model: (articleId: string) => [...articleKeys.ofArticle(articleId), "report"] as const,
};
