/**
 * Suggested claims and contradiction candidates (issue 19): server-side only, so the NLP libraries stay out of the
 * web app's bundle. Import as `@factmark/core/suggestions`.
 */
export { type DateMention, extractDates } from "./extractDates";
export { extractQuantities, type Quantity } from "./extractQuantities";
export { findSuggestions } from "./findSuggestions";
export * from "./types";
