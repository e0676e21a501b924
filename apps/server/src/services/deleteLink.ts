import { type Actor, AppError, type Link, type Principal } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { authorize } from "../policy/authorize";
import type { DbClient } from "../repositories/articleRepository";
import { insertEvents } from "../repositories/eventRepository";
import { findLink, findLiveLinkBetween, setLinkDeletedAt } from "../repositories/linkRepository";
import { assertLinkable } from "./assertLinkable";
import { linkEvents } from "./linkEvents";

type FoundLink = NonNullable<Awaited<ReturnType<typeof findLink>>>;

/** Removes a visible link so it can be restored; recorded in both claims' history. Answers the link. */
export async function deleteLink(db: Db, actor: Principal, id: string): Promise<Link> {
  authorize(actor, "link.delete");
  return db.$transaction(async (tx) => {
    const found = await findLink(tx, id);
    // A link of a deleted claim is out of view: it comes back with the claim, not on its own.
    if (!found || found.isDeleted || found.fromClaim.isDeleted || found.toClaim.isDeleted) {
      throw new AppError("NOT_FOUND", `No link with id "${id}".`);
    }
    await setLinkDeleted(tx, actor, found, true, new Date());
    return found.link;
  });
}

/** Brings back a removed link (undo), if both claims are live and the pair holds no such link again. */
export async function restoreLink(db: Db, actor: Principal, id: string): Promise<Link> {
  authorize(actor, "link.delete");
  return db.$transaction(async (tx) => {
    const found = await findLink(tx, id);
    if (!found) throw new AppError("NOT_FOUND", `No link with id "${id}".`);
    await setLinkDeleted(tx, actor, found, false, new Date());
    return found.link;
  });
}

/**
 * Deletes or restores a link inside the caller's transaction and records it on both claims
 * (but `exceptClaimId`). Restoring checks the rules a new link must meet.
 */
export async function setLinkDeleted(
  tx: DbClient,
  actor: Actor,
  found: FoundLink,
  isDeleting: boolean,
  at: Date,
  exceptClaimId?: string,
): Promise<void> {
  const { link } = found;
  if (found.isDeleted === isDeleting) {
    throw new AppError("CONFLICT", isDeleting ? "This link is already removed." : "This link is not removed.", {
      current: link,
    });
  }
  if (!isDeleting) {
    assertLinkable(found);
    const existing = await findLiveLinkBetween(tx, [link.fromClaimId, link.toClaimId], link.kind, link.id);
    if (existing) {
      throw new AppError("CONFLICT", `These two claims are already linked as "${link.kind}" again.`, {
        current: existing,
      });
    }
  }
  const isChanged = await setLinkDeletedAt(tx, link.id, isDeleting ? at : null);
  if (!isChanged) throw new AppError("CONFLICT", "This link was changed by someone else; reload and try again.");
  const events = linkEvents(isDeleting ? "link.removed" : "link.added", link, found, exceptClaimId);
  await insertEvents(tx, link.articleId, actor, events, at);
}
