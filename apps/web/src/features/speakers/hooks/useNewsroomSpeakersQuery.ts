import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchNewsroomSpeakers } from "../api";
import { newsroomSpeakerKeys } from "../queryKeys";

/** The newsroom's speakers, A to Z, narrowed by `q`; the previous answer stays shown while a new search loads. */
export function useNewsroomSpeakersQuery(q: string) {
  return useQuery({
    queryKey: newsroomSpeakerKeys.list(q),
    queryFn: () => fetchNewsroomSpeakers(q),
    placeholderData: keepPreviousData,
  });
}
