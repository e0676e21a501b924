/** Query keys of reports: a report is rebuilt from everything, so any change makes it stale. */
export const reportKeys = {
  all: ["report"] as const,
  model: (articleId: string) => [...reportKeys.all, "model", articleId] as const,
};
