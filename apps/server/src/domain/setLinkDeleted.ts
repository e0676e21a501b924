import { type Actor, AppError } from "@factmark/core";
import type { DbClient } from "../repositories/articleRepository";
import { insertEvents, lockArticleForChanges } from "../repositories/eventRepository";
import { findLink, findLiveLinkBetween, setLinkDeletedAt } from "../repositories/linkRepository";
import { assertLinkable } from "./assertLinkable";
import { linkEvents } from "./linkEvents";

type FoundLink = NonNullable<Awaited<ReturnType<typeof findLink>>>;

/**
 * Deletes or restores a link inside the caller's transaction and records it on both claims
 * (but `exceptClaimId`). Restoring checks the rules a new link must meet. `found` says which link; it is read
 * again under the article's change lock.
 */
export async function setLinkDeleted(
  tx: DbClient,
  actor: Actor,
  found: FoundLink,
  isDeleting: boolean,
  at: Date,
  exceptClaimId?: string,
): Promise<void> {
  await lockArticleForChanges(tx, found.link.articleId);
  // Read again under the lock: a claim deleted, or the link changed, by a write this one waited for is seen.
  const current = await findLink(tx, found.link.id);
  if (!current) throw new AppError("NOT_FOUND", `No link with id "${found.link.id}".`);
  const { link } = current;
  if (current.isDeleted === isDeleting) {
    throw new AppError("CONFLICT", isDeleting ? "This link is already removed." : "This link is not removed.", {
      current: link,
    });
  }
  if (!isDeleting) {
    assertLinkable(current);
    const existing = await findLiveLinkBetween(tx, [link.fromClaimId, link.toClaimId], link.kind, link.id);
    if (existing) {
      throw new AppError("CONFLICT", `These two claims are already linked as "${link.kind}" again.`, {
        current: existing,
      });
    }
  }
  const isChanged = await setLinkDeletedAt(tx, link, isDeleting ? at : null);
  if (!isChanged) throw new AppError("CONFLICT", "This link was changed by someone else; reload and try again.");
  const events = linkEvents(isDeleting ? "link.removed" : "link.added", link, current, { exceptClaimId });
  await insertEvents(tx, link.articleId, actor, events, at);
}
