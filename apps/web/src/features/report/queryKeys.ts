import type { ReportHistoryOption } from "@factmark/core";
import { articleKeys } from "../articles/queryKeys";

/** Query keys of reports: a report is rebuilt from everything about its article, so it sits inside the article's keys. */
export const reportKeys = {
  /** Every report model of the article, with or without the working history. */
  model: (articleId: string) => [...articleKeys.ofArticle(articleId), "report"] as const,
  modelWith: (articleId: string, history: ReportHistoryOption) => [...reportKeys.model(articleId), history] as const,
};
