import { useNewsroomSettingsQuery } from "../../publishing/hooks/useNewsroomSettings";

/** How many editors approve each claim: the newsroom's rule (one, or two), one until it is known. */
export function useRequiredApprovals(): number {
  return useNewsroomSettingsQuery().data?.requiredApprovals ?? 1;
}
