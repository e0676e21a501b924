import { useQuery } from "@tanstack/react-query";
import { fetchNewsroomSpeaker } from "../api";
import { newsroomSpeakerKeys } from "../queryKeys";

/** One newsroom speaker's record and claims. */
export function useNewsroomSpeakerQuery(id: string) {
  return useQuery({ queryKey: newsroomSpeakerKeys.detail(id), queryFn: () => fetchNewsroomSpeaker(id) });
}
