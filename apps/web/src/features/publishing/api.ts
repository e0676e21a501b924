import {
  type Article,
  type NewsroomSettings,
  type NewsroomSettingsUpdate,
  type Publication,
  type PublicationBlocker,
  ZPublicationBlockers,
} from "@factmark/core";
import { ApiError, unwrap } from "../../lib/ApiError";
import { apiClient, ifMatch } from "../../lib/apiClient";

/** Every published version of an article's fact-check, newest first. */
export async function fetchPublications(articleId: string): Promise<Publication[]> {
  const { items } = await unwrap(apiClient.articles[":id"].publications.$get({ param: { id: articleId } }));
  return items;
}

/**
 * Publishes the fact-check as it stands, if the article is still at the version the editor read (If-Match):
 * the first version takes no note, a correction must carry one. 409 (CONFLICT) with `details.blockers` when
 * something keeps it from being published (see `publicationBlockersOf`); 412 when the article changed meanwhile.
 */
export function publishArticle(
  article: Pick<Article, "id" | "version">,
  correctionNote: string | undefined,
): Promise<Publication> {
  return unwrap(
    apiClient.articles[":id"].publications.$post(
      { param: { id: article.id }, json: correctionNote === undefined ? {} : { correctionNote } },
      { headers: ifMatch(article) },
    ),
  );
}

/** Retracts the published fact-check (admins): its public page then says so, with the note. */
export function retractPublication(articleId: string, note: string): Promise<Publication> {
  return unwrap(apiClient.articles[":id"].publications.retract.$post({ param: { id: articleId }, json: { note } }));
}

/** What keeps an article from being published, as a 409 answer to a publish lists it; null for any other error. */
export function publicationBlockersOf(error: unknown): PublicationBlocker[] | null {
  if (!(error instanceof ApiError) || error.code !== "CONFLICT") return null;
  const parsed = ZPublicationBlockers.safeParse(error.details);
  return parsed.success ? parsed.data.blockers : null;
}

export function fetchNewsroomSettings(): Promise<NewsroomSettings> {
  return unwrap(apiClient.settings.$get());
}

/** Changes the newsroom's settings (admins) if they are still at the version read (If-Match); 412 otherwise. */
export function updateNewsroomSettings(
  settings: Pick<NewsroomSettings, "version">,
  update: NewsroomSettingsUpdate,
): Promise<NewsroomSettings> {
  return unwrap(apiClient.settings.$patch({ json: update }, { headers: ifMatch(settings) }));
}
