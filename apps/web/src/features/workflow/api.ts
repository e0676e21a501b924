import type { Assignee, Claim, ReviewCreate, ReviewResult, WorkItem } from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient, ifMatch } from "../../lib/apiClient";
import { queueClaimWrite } from "../claims/claimWrites";

/** Everyone a claim can be assigned to (reviewers, editors, admins), by name. */
export async function fetchAssignees(): Promise<Assignee[]> {
  const { items } = await unwrap(apiClient.assignees.$get());
  return items;
}

/** The live claims assigned to the signed-in account that are not approved, across articles, latest first. */
export async function fetchMyWork(): Promise<WorkItem[]> {
  const { items } = await unwrap(apiClient.me.work.$get());
  return items;
}

/**
 * Approves the claim as it stands, or requests changes with a note, if it is still at the version the editor
 * read (If-Match): 412 with the current claim otherwise, 403 on a verdict the editor set, 409 when it is not
 * ready for review.
 */
export async function reviewClaim(claim: Pick<Claim, "id" | "version">, review: ReviewCreate): Promise<ReviewResult> {
  return queueClaimWrite(
    claim,
    (version) =>
      unwrap(
        apiClient.claims[":id"].reviews.$post(
          { param: { id: claim.id }, json: review },
          { headers: ifMatch({ version }) },
        ),
      ),
    (answer) => answer.claim.version,
  );
}
