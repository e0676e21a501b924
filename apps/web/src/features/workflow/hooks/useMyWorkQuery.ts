import { useQuery } from "@tanstack/react-query";
import { fetchMyWork } from "../api";
import { workflowKeys } from "../queryKeys";

/** The claims assigned to the signed-in account that are not approved yet, across articles, latest first. */
export function useMyWorkQuery() {
  return useQuery({ queryKey: workflowKeys.myWork(), queryFn: fetchMyWork });
}
