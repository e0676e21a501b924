import { AppError, type Claim, type ClaimCreate, DEFAULT_VERDICT, type Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { postgresPoolOf } from "../../db/postgresPool";
import { sqliteWriterOf } from "../../db/sqliteWriter";
import { timeOrderedId } from "../../db/timeOrderedId";
import { placeSelectors } from "../../domain/placeSelectors";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { authorize } from "../../policy/authorize";
import { findArticleText } from "../../repositories/articleRepository";
import { insertClaim } from "../../repositories/claimRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";
import { createClaimOnPostgres } from "../../repositories/postgresClaimWrites";
import { alreadyMarked, createClaimInBatch } from "../../repositories/sqliteClaimWrites";

/**
 * Places a new claim on an article. The selectors must fit the stored text exactly:
 * a position holding the quote, or a quote that occurs once (else UNPROCESSABLE, saying why).
 *
 * With `expectedArticleVersion` (the article's ETag the client read its offsets from, sent as If-Match), a claim
 * on any other version is refused with PRECONDITION_FAILED, the article's current version in its details.
 *
 * The text is read and the claim stored in one transaction, under the article's claim-write lock,
 * which a save of the article's text takes first too: a save committed in between would otherwise
 * leave the claim on the old text's offsets, on other words, without re-anchoring it (PostgreSQL).
 * The same steps run as prepared statements, not Prisma queries: on SQLite one batch (sqliteClaimWrites.ts),
 * on PostgreSQL four statements in one transaction (postgresClaimWrites.ts). The Prisma path stays for
 * clients without either (a client extended with `$extends`).
 *
 * `input.fromSuggestion`: the reviewer accepted a suggestion (GET /api/articles/:id/suggestions); the claim is an
 * ordinary one, and its "created" entry in the history says "from a suggestion". One suggestion makes one claim:
 * when a live claim holds its exact range already (another reviewer accepted it first), it is refused with
 * CONFLICT naming that claim and who marked it, checked under the lock so simultaneous accepts make one claim.
 * Marking the same words by hand (without the flag) stays allowed.
 */
export async function createClaim(
  db: Db,
  actor: Principal,
  articleId: string,
  input: ClaimCreate,
  expectedArticleVersion?: number,
): Promise<Claim> {
  authorize(actor, "claim.create");
  const fields = {
    id: timeOrderedId(),
    articleId,
    verdict: input.verdict ?? DEFAULT_VERDICT,
    speaker: input.speaker ?? null,
    rationale: input.rationale ?? "",
    ...(input.fromSuggestion ? { fromSuggestion: true } : {}),
  };
  // Offsets count in the text of the version they were read from: another version's text may hold other words there.
  const place = (text: string, version: number) => {
    if (expectedArticleVersion !== undefined && version !== expectedArticleVersion) {
      throw preconditionFailed("article", { version });
    }
    return placeSelectors(text, input.selectors);
  };
  const writer = sqliteWriterOf(db);
  if (writer) return createClaimInBatch(writer, fields, place, actor);
  const pool = postgresPoolOf(db);
  if (pool) return createClaimOnPostgres(pool, fields, place, actor);
  return db.$transaction(async (tx) => {
    // Under the lock, the text no save can change before this claim is stored (from memory while its
    // version is current).
    await lockArticleForChanges(tx, articleId);
    const article = await findArticleText(tx, articleId);
    if (!article) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
    const selectors = place(article.text, article.version);
    if (input.fromSuggestion) {
      const existing = await tx.claim.findFirst({
        where: { articleId, start: selectors.position.start, end: selectors.position.end, deletedAt: null },
        orderBy: { createdAt: "asc" },
        select: { id: true, originalAuthorName: true, createdBy: { select: { name: true } } },
      });
      if (existing)
        throw alreadyMarked({ id: existing.id, by: existing.originalAuthorName ?? existing.createdBy.name });
    }
    return insertClaim(tx, { ...fields, selectors }, actor);
  });
}
