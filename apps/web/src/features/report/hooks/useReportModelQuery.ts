import { useQuery } from "@tanstack/react-query";
import { fetchReportModel } from "../api";
import { reportKeys } from "../queryKeys";

export function useReportModelQuery(articleId: string) {
  return useQuery({ queryKey: reportKeys.model(articleId), queryFn: () => fetchReportModel(articleId) });
}
