import { useQuery } from "@tanstack/react-query";
import { fetchAssignees } from "../api";
import { workflowKeys } from "../queryKeys";

/** Who a claim can be assigned to; read only where someone may assign (`isEnabled`). */
export function useAssigneesQuery(isEnabled = true) {
  return useQuery({
    queryKey: workflowKeys.assignees(),
    queryFn: fetchAssignees,
    enabled: isEnabled,
    // The newsroom's people change rarely; a minute keeps opening claim after claim from asking each time.
    staleTime: 60_000,
  });
}
