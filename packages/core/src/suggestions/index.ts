/**
 * Suggested claims and contradiction candidates (issue 19): server-side only, so the NLP libraries stay out of the
 * web app's bundle. Import as `@factmark/core/suggestions`.
 */
export {};
