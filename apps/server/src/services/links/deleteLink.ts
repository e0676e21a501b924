import { AppError, type Link, type Principal } from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { setLinkDeleted } from "../../domain/setLinkDeleted";
import { authorize } from "../../policy/authorize";
import { findLink, findLiveLinkBetween, isDuplicateLiveLink } from "../../repositories/linkRepository";
import { alreadyLinked } from "./createLink";

/** Removes a visible link so it can be restored; recorded in both claims' history. Answers the link. */
export async function deleteLink(db: Db, actor: Principal, id: string): Promise<Link> {
  authorize(actor, "link.delete");
  return inArticleLine(db, { linkId: id }, () =>
    db.$transaction(async (tx) => {
      const found = await findLink(tx, id);
      // A link of a deleted claim is out of view: it comes back with the claim, not on its own.
      if (!found || found.isDeleted || found.fromClaim.isDeleted || found.toClaim.isDeleted) {
        throw new AppError("NOT_FOUND", `No link with id "${id}".`);
      }
      await setLinkDeleted(tx, actor, found, true, new Date());
      return found.link;
    }),
  );
}

/**
 * Brings back a removed link (undo), if both claims are live and the pair holds no such link again
 * (CONFLICT naming it, also when another writer made it at the same moment).
 */
export async function restoreLink(db: Db, actor: Principal, id: string): Promise<Link> {
  authorize(actor, "link.delete");
  try {
    return await inArticleLine(db, { linkId: id }, () =>
      db.$transaction(async (tx) => {
        const found = await findLink(tx, id);
        if (!found) throw new AppError("NOT_FOUND", `No link with id "${id}".`);
        await setLinkDeleted(tx, actor, found, false, new Date());
        return found.link;
      }),
    );
  } catch (error) {
    if (!isDuplicateLiveLink(error)) throw error;
    const found = await findLink(db, id);
    if (!found) throw error;
    const { fromClaimId, toClaimId, kind } = found.link;
    throw alreadyLinked(kind, await findLiveLinkBetween(db, [fromClaimId, toClaimId], kind, id));
  }
}
