/** Query keys of articles: one factory, so invalidation hits exactly what it means to. */
export const articleKeys = {
  all: ["articles"] as const,
  list: () => [...articleKeys.all, "list"] as const,
  detail: (id: string) => [...articleKeys.all, "detail", id] as const,
};
