/**
 * The address of an article's "Import annotations" page. Not /articles/:id/annotations: that is the article's
 * annotation container (Web Annotation Protocol), which the server answers itself, never with the app.
 */
export function importAnnotationsPath(articleId: string): string {
  return `/articles/${encodeURIComponent(articleId)}/import-annotations`;
}
