import type { SpeakerCount, SpeakerRename, SpeakerRenamed } from "@factmark/core";
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
