import type { NewsroomSpeakerDetail, NewsroomSpeakerUpdate } from "@factmark/core";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { mergeNewsroomSpeaker, updateNewsroomSpeaker } from "../api";
import { newsroomSpeakerKeys } from "../queryKeys";

/**
 * The answer is the speaker as stored: it goes into the cache, and every other list and record shown is read again
 * (their counts and aliases moved), except `goneId`'s, a speaker merged away whose page is being left.
 */
function settle(queryClient: QueryClient, speaker: NewsroomSpeakerDetail, goneId?: string) {
  queryClient.setQueryData(newsroomSpeakerKeys.detail(speaker.id), speaker);
  const kept = new Set<string>([speaker.id, ...(goneId ? [goneId] : [])]);
  return queryClient.invalidateQueries({
    queryKey: newsroomSpeakerKeys.all(),
    predicate: (query) => !(query.queryKey[1] === "detail" && kept.has(String(query.queryKey[2]))),
  });
}

/** Changes a newsroom speaker's name, kind or aliases. */
export function useUpdateNewsroomSpeakerMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: NewsroomSpeakerUpdate) => updateNewsroomSpeaker(id, change),
    onSuccess: (speaker) => settle(queryClient, speaker),
  });
}

/** Merges a newsroom speaker into another; its own record is gone afterwards (the caller moves to the other's). */
export function useMergeNewsroomSpeakerMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (intoId: string) => mergeNewsroomSpeaker(id, intoId),
    onSuccess: (speaker) => settle(queryClient, speaker, id),
  });
}
