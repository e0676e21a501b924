/**
 * Suggested claims and contradiction candidates (issue 19): server-side only, so the NLP libraries stay out of the
 * web app's bundle. Import as `@factmark/core/suggestions`.
 */

// The wire's schemas (plain zod, no NLP): the server's routes declare them, the web app reads their types.
export * from "../schemas/suggestion";
export { type DateMention, extractDates } from "./extractDates";
export { extractQuantities, type Quantity } from "./extractQuantities";
export { findSuggestions } from "./findSuggestions";
export * from "./types";
