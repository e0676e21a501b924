import type {
  NewsroomSpeaker,
  NewsroomSpeakerDetail,
  NewsroomSpeakerUpdate,
  SpeakerCount,
  SpeakerRename,
  SpeakerRenamed,
} from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient } from "../../lib/apiClient";

/** The article's speakers, A to Z, each with how many live claims name them. */
export async function fetchSpeakerCounts(articleId: string): Promise<SpeakerCount[]> {
  const { items } = await unwrap(apiClient.articles[":id"].speakers.counts.$get({ param: { id: articleId } }));
  return items;
}

/** Renames a speaker on every claim of the article; onto a name claims already have, the two merge. */
export function renameSpeaker(articleId: string, rename: SpeakerRename): Promise<SpeakerRenamed> {
  return unwrap(apiClient.articles[":id"].speakers.rename.$post({ param: { id: articleId }, json: rename }));
}

/** The newsroom's speakers, A to Z; `q` keeps those whose name or an alias contains it (case and accents aside). */
export async function fetchNewsroomSpeakers(q = ""): Promise<NewsroomSpeaker[]> {
  const { items } = await unwrap(apiClient.speakers.$get({ query: q ? { q } : {} }));
  return items;
}

/** One of the newsroom's speakers with its record and its claims, newest first. */
export function fetchNewsroomSpeaker(id: string): Promise<NewsroomSpeakerDetail> {
  return unwrap(apiClient.speakers[":id"].$get({ param: { id } }));
}

/** Changes a newsroom speaker's name, kind or aliases; 409 when another speaker has one of the aliases. */
export function updateNewsroomSpeaker(id: string, change: NewsroomSpeakerUpdate): Promise<NewsroomSpeakerDetail> {
  return unwrap(apiClient.speakers[":id"].$patch({ param: { id }, json: change }));
}

/** Merges a newsroom speaker into another; answers the one merged into. */
export function mergeNewsroomSpeaker(id: string, intoId: string): Promise<NewsroomSpeakerDetail> {
  return unwrap(apiClient.speakers[":id"].merge.$post({ param: { id }, json: { intoId } }));
}
