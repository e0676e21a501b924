import type { ReportHistoryOption } from "@factmark/core";
import { useQuery } from "@tanstack/react-query";
import { fetchReportModel } from "../api";
import { reportKeys } from "../queryKeys";

/** The article's report model; switching `history` keeps the article's report shown while the other one loads. */
export function useReportModelQuery(articleId: string, history: ReportHistoryOption = "omit") {
  const queryKey = reportKeys.modelWith(articleId, history);
  return useQuery({
    queryKey,
    queryFn: () => fetchReportModel(articleId, history),
    // Never another article's report: only the same article's, with or without its history.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === queryKey[1] ? previous : undefined),
  });
}
