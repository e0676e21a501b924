import type { ClaimHistory, UndoResult } from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient } from "../../lib/apiClient";

/** A claim's history, newest first, with the entry an undo would revert now. */
export async function fetchHistory(claimId: string): Promise<ClaimHistory> {
  return unwrap(apiClient.claims[":id"].history.$get({ param: { id: claimId } }));
}

/**
 * Undoes the claim's last change. `eventId` names the entry the reviewer saw as undoable, so a
 * change that came in since is not undone by mistake (the server answers 409 then).
 */
export async function undoLastChange(claimId: string, eventId?: string): Promise<UndoResult> {
  return unwrap(
    apiClient.claims[":id"].history.undo.$post({ param: { id: claimId }, json: eventId ? { eventId } : {} }),
  );
}
