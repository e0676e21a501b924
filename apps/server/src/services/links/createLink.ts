import { AppError, type Link, type LinkCreate, type LinkKind, type Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { timeOrderedId } from "../../db/timeOrderedId";
import { assertLinkable } from "../../domain/assertLinkable";
import { linkEvents } from "../../domain/linkEvents";
import { authorize } from "../../policy/authorize";
import { type EventInput, insertEvents, lockArticleForChanges } from "../../repositories/eventRepository";
import {
  findLinkEndsInArticle,
  findLiveLinkBetween,
  insertLink,
  isDuplicateLiveLink,
} from "../../repositories/linkRepository";

/**
 * Links two live claims of one article as contradicting or supporting each other, recording it in
 * both claims' history. A claim cannot be linked to itself (UNPROCESSABLE), nor can a pair hold two
 * live links of one kind, in either direction (CONFLICT, with the link that is already there): checked
 * under the article's write lock, and held by a unique index should two writers ever race past the check.
 * `input.fromSuggestion`: the reviewer linked a contradiction candidate; both claims' entries say "from a suggestion".
 */
export async function createLink(db: Db, actor: Principal, articleId: string, input: LinkCreate): Promise<Link> {
  authorize(actor, "link.create");
  if (input.fromClaimId === input.toClaimId) {
    throw new AppError("UNPROCESSABLE", "A claim cannot be linked to itself.", { reason: "self_link" });
  }
  try {
    return await insertCheckedLink(db, actor, articleId, input);
  } catch (error) {
    if (!isDuplicateLiveLink(error)) throw error;
    // The transaction is rolled back (PostgreSQL refuses any query in it after the violation): look again outside.
    const existing = await findLiveLinkBetween(db, [input.fromClaimId, input.toClaimId], input.kind);
    throw alreadyLinked(input.kind, existing);
  }
}

/** A CONFLICT naming the link the pair already holds (in `details.current`, when it could be read). */
export function alreadyLinked(kind: LinkKind, existing: Link | null): AppError {
  return new AppError(
    "CONFLICT",
    `These two claims are already linked as "${kind}".`,
    existing ? { current: existing } : undefined,
  );
}

/** A "link.added" entry marked as the reviewer's acceptance of a suggestion. */
function fromSuggestion(event: EventInput): EventInput {
  return event.action === "link.added" ? { ...event, to: { ...event.to, fromSuggestion: true } } : event;
}

function insertCheckedLink(db: Db, actor: Principal, articleId: string, input: LinkCreate): Promise<Link> {
  return db.$transaction(async (tx) => {
    const found = await findLinkEndsInArticle(tx, articleId, [input.fromClaimId, input.toClaimId]);
    if (!found) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
    const [fromClaim, toClaim] = (["fromClaimId", "toClaimId"] as const).map((field) => {
      const end = found.find((claim) => claim.id === input[field]);
      if (!end) {
        throw new AppError("UNPROCESSABLE", `The claim "${input[field]}" is not a claim of this article.`, {
          reason: "claim_not_in_article",
          field,
          claimId: input[field],
        });
      }
      return end;
    }) as [(typeof found)[number], (typeof found)[number]];
    assertLinkable({ fromClaim, toClaim });
    // Two identical requests at once (a double-click, two instances) would both find no link and both
    // insert one: the article's write lock lines them up, so the second sees the first's link.
    await lockArticleForChanges(tx, articleId);
    const existing = await findLiveLinkBetween(tx, [fromClaim.id, toClaim.id], input.kind);
    if (existing) throw alreadyLinked(input.kind, existing);
    const at = new Date();
    const link = await insertLink(
      tx,
      {
        id: timeOrderedId(),
        articleId,
        fromClaimId: fromClaim.id,
        toClaimId: toClaim.id,
        kind: input.kind,
        note: input.note?.trim() || null,
      },
      actor,
      at,
    );
    const events = linkEvents("link.added", link, { fromClaim, toClaim });
    await insertEvents(tx, articleId, actor, input.fromSuggestion ? events.map(fromSuggestion) : events, at);
    return link;
  });
}
