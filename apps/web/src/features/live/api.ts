import type { PresenceUpdate } from "@factmark/core";
import { unwrapEmpty } from "../../lib/ApiError";
import { API_BASE, apiClient } from "../../lib/apiClient";

/**
 * Opens the article's event stream (Server-Sent Events; the session cookie goes with it). The browser
 * reconnects it by itself and resumes with Last-Event-ID, so the server sends every change missed.
 */
export function openArticleEvents(articleId: string): EventSource {
  return new EventSource(
    `${API_BASE}${apiClient.articles[":id"].events.$path({ param: { id: articleId }, query: {} })}`,
  );
}

/** Tells the others which claim this tab (its stream's `connectionId`) is on, or none. */
export function reportPresence(articleId: string, update: PresenceUpdate): Promise<void> {
  return unwrapEmpty(apiClient.articles[":id"].presence.$post({ param: { id: articleId }, json: update }));
}
