import { type NewsroomSettings, type NewsroomSettingsUpdate, ZNewsroomSettings } from "@factmark/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../../lib/ApiError";
import { fetchNewsroomSettings, updateNewsroomSettings } from "../api";
import { publicationKeys } from "../queryKeys";

/**
 * The newsroom's settings. They change rarely and the server enforces them on every write, so each selected claim
 * reuses them for a minute (`staleTime`, ms) rather than asking again; an admin's own change is written to the cache.
 */
export function useNewsroomSettingsQuery() {
  return useQuery({ queryKey: publicationKeys.settings(), queryFn: fetchNewsroomSettings, staleTime: 60_000 });
}

/** The current settings a 412 answer carries in `details.current`, if it does. */
export function currentSettingsOf(error: unknown): NewsroomSettings | null {
  if (!(error instanceof ApiError) || error.code !== "PRECONDITION_FAILED") return null;
  const details = error.details;
  if (typeof details !== "object" || details === null || !("current" in details)) return null;
  const parsed = ZNewsroomSettings.safeParse(details.current);
  return parsed.success ? parsed.data : null;
}

/** Saves the newsroom's settings with If-Match; on a stale version (412) the cache takes the current settings. */
export function useUpdateNewsroomSettingsMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ settings, update }: { settings: NewsroomSettings; update: NewsroomSettingsUpdate }) =>
      updateNewsroomSettings(settings, update),
    onSuccess: (saved) => queryClient.setQueryData(publicationKeys.settings(), saved),
    onError: (error) => {
      const current = currentSettingsOf(error);
      if (current) queryClient.setQueryData(publicationKeys.settings(), current);
      else void queryClient.invalidateQueries({ queryKey: publicationKeys.settings() });
    },
  });
}
