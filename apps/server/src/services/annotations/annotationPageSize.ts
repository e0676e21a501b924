/**
 * How many annotations a page of an article's annotation container holds (ANNOTATION_PAGE_SIZE, default 100), read
 * per request so tests can page a small article. A page of descriptions of 100 claims is about 200 KB of JSON.
 */
export function annotationPageSize(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.ANNOTATION_PAGE_SIZE?.trim();
  if (!value) return 100;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) throw new Error("ANNOTATION_PAGE_SIZE must be a whole number from 1.");
  return size;
}
