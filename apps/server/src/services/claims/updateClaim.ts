import { type Claim, type ClaimUpdate, changeEvent, type EditableClaimField, type Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { requireClaim } from "../../domain/requireClaim";
import { authorize } from "../../policy/authorize";
import { type ClaimEventInput, updateClaimIfVersion } from "../../repositories/claimRepository";

/** The fields an update may change, each recorded as its own entry, in this order. */
const EDITABLE_FIELDS: readonly EditableClaimField[] = ["verdict", "speaker", "rationale"];

/**
 * Changes a claim's verdict, speaker or rationale if the caller read the current version,
 * recording one history entry per field that really changed.
 */
export async function updateClaim(
  db: Db,
  actor: Principal,
  id: string,
  expectedVersion: number,
  input: ClaimUpdate,
): Promise<Claim> {
  authorize(actor, "claim.edit");
  return db.$transaction(async (tx) => {
    const { isDeleted: _isDeleted, ...current } = await requireClaim(tx, id);
    if (current.version !== expectedVersion) throw preconditionFailed("claim", current);
    const events: ClaimEventInput[] = [];
    for (const field of EDITABLE_FIELDS) {
      const value = input[field];
      if (value !== undefined && value !== current[field]) {
        events.push(changeEvent.claimFieldChanged(field, current[field], value));
      }
    }
    // A save that changes nothing is no change: no version, no change number, nothing for others to hear.
    if (events.length === 0) return current;
    const at = new Date();
    const isUpdated = await updateClaimIfVersion(tx, current, expectedVersion, input, events, actor, at);
    if (!isUpdated) throw preconditionFailed("claim", current);
    return { ...current, ...input, version: current.version + 1, updatedAt: at.toISOString() };
  });
}
