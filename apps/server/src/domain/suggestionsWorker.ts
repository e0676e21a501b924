import { findSuggestions, type SuggestionInput, type Suggestions } from "@factmark/core/suggestions";
import { workerTask } from "../work/workerTask";

export { warm } from "../work/warm";

/**
 * Core's suggestion engine on a worker thread of the heavy-work pool (services/suggestions/getSuggestions.ts sends
 * it): sentence splitting, dates and the pairwise comparison of a long article take too long for the event loop.
 */
export const suggest = workerTask((input: SuggestionInput): Suggestions => findSuggestions(input));
