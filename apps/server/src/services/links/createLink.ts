import { AppError, type Link, type LinkCreate, type LinkKind, type Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { postgresPoolOf } from "../../db/postgresPool";
import { sqliteWriterOf } from "../../db/sqliteWriter";
import { timeOrderedId } from "../../db/timeOrderedId";
import { assertLinkable } from "../../domain/assertLinkable";
import { linkEvents } from "../../domain/linkEvents";
import { authorize } from "../../policy/authorize";
import { insertEvents, lockArticleForChanges } from "../../repositories/eventRepository";
import {
  findLinkEndsInArticle,
  findLiveLinkBetween,
  insertLink,
  isDuplicateLiveLink,
  type LinkEnd,
  type NewLink,
} from "../../repositories/linkRepository";
import { createLinkInBatch, createLinkOnPostgres, type LinkCreatePlan } from "../../repositories/linkWrites";

/**
 * Links two live claims of one article as contradicting or supporting each other, recording it in
 * both claims' history. A claim cannot be linked to itself (UNPROCESSABLE), nor can a pair hold two
 * live links of one kind, in either direction (CONFLICT, with the link that is already there): checked
 * under the article's write lock, and held by a unique index should two writers ever race past the check.
 * `input.fromSuggestion`: the reviewer linked a contradiction candidate; both claims' entries say "from a suggestion".
 *
 * On SQLite the steps run as one batch of kept statements, on PostgreSQL as prepared statements (linkWrites.ts),
 * the unique index doing the check; the Prisma path stays for a client extended with `$extends`.
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

/**
 * What a new link between `input`'s claims rests on: the article (NOT_FOUND when `found` is null), both claims in it
 * (UNPROCESSABLE naming the one that is not) and live (assertLinkable); and its entries on both claims.
 */
function linkCreatePlan(articleId: string, input: LinkCreate): LinkCreatePlan {
  return {
    ends(found) {
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
      }) as [LinkEnd, LinkEnd];
      assertLinkable({ fromClaim, toClaim });
      return { fromClaim, toClaim };
    },
    events: (link, ends) => linkEvents("link.added", link, ends, { fromSuggestion: input.fromSuggestion }),
  };
}

async function insertCheckedLink(db: Db, actor: Principal, articleId: string, input: LinkCreate): Promise<Link> {
  const link: NewLink = {
    id: timeOrderedId(),
    articleId,
    fromClaimId: input.fromClaimId,
    toClaimId: input.toClaimId,
    kind: input.kind,
    note: input.note?.trim() || null,
  };
  const plan = linkCreatePlan(articleId, input);
  const writer = sqliteWriterOf(db);
  if (writer) return createLinkInBatch(writer, link, plan, actor);
  const pool = postgresPoolOf(db);
  if (pool) return createLinkOnPostgres(pool, link, plan, actor);
  return db.$transaction(async (tx) => {
    // Two identical requests at once (a double-click, two instances) would both find no link and both
    // insert one: the article's write lock lines them up, so the second sees the first's link; and the ends
    // are read under it, so a claim or the article deleted by a write this one waited for is seen.
    await lockArticleForChanges(tx, articleId);
    const ends = plan.ends(await findLinkEndsInArticle(tx, articleId, [input.fromClaimId, input.toClaimId]));
    const existing = await findLiveLinkBetween(tx, [input.fromClaimId, input.toClaimId], input.kind);
    if (existing) throw alreadyLinked(input.kind, existing);
    const at = new Date();
    const made = await insertLink(tx, link, actor, at);
    await insertEvents(tx, articleId, actor, plan.events(made, ends), at);
    return made;
  });
}
