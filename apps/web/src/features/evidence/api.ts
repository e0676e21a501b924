import type { Evidence, EvidenceCreate, EvidenceUpdate } from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient, ifMatch } from "../../lib/apiClient";

export async function fetchEvidence(claimId: string): Promise<Evidence[]> {
  const { items } = await unwrap(apiClient.claims[":id"].evidence.$get({ param: { id: claimId } }));
  return items;
}

export async function createEvidence(claimId: string, input: EvidenceCreate): Promise<Evidence> {
  return unwrap(apiClient.claims[":id"].evidence.$post({ param: { id: claimId }, json: input }));
}

/** Changes evidence if it is still at the version the reviewer read (If-Match); 412 otherwise. */
export async function updateEvidence(
  evidence: Pick<Evidence, "id" | "version">,
  change: EvidenceUpdate,
): Promise<Evidence> {
  return unwrap(
    apiClient.evidence[":id"].$patch({ param: { id: evidence.id }, json: change }, { headers: ifMatch(evidence) }),
  );
}

export async function deleteEvidence(evidence: Pick<Evidence, "id">): Promise<Evidence> {
  return unwrap(apiClient.evidence[":id"].$delete({ param: { id: evidence.id } }));
}

export async function restoreEvidence(evidence: Pick<Evidence, "id">): Promise<Evidence> {
  return unwrap(apiClient.evidence[":id"].restore.$post({ param: { id: evidence.id } }));
}
