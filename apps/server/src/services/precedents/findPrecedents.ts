import {
  AppError,
  isPublishedNow,
  PRECEDENT_LIMIT,
  PRECEDENT_THRESHOLD,
  type Precedent,
  type PrecedentList,
  precedentSearchGroups,
  readClaimFeatures,
  scorePrecedent,
  type Verdict,
} from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import type { DbClient } from "../../repositories/articleRepository";
import { PUBLICATION_STATE_SELECT, toPublicationState } from "../../repositories/publicationRepository";
import { claimCandidates } from "../search/claimCandidates";

/** How many candidates the full-text index is asked for before scorePrecedent ranks them. */
export const PRECEDENT_CANDIDATES = 50;
/**
 * Enough candidates holding all but one of the rarest words searched (claimCandidates): four times what is shown.
 * Fewer, and the search widens to claims holding two of them, then one, which on a big archive match thousands.
 */
export const PRECEDENT_CANDIDATES_ENOUGH = 4 * PRECEDENT_LIMIT;

/**
 * GET /api/claims/:id/precedents: up to PRECEDENT_LIMIT live claims of other live articles that say much the same
 * as the live claim `claimId`, best first (ties: the most recently changed first). The full-text index finds
 * PRECEDENT_CANDIDATES candidates by the quote's rarest words and figures (precedentSearchGroups); scorePrecedent rescores each and
 * those at PRECEDENT_THRESHOLD or above are kept. "The same speaker" reads the newsroom's speakers: two spellings
 * of one Speaker (SpeakerAlias rows), or, for a spelling without one yet, the same folded name. Four database
 * calls, whatever the archive's size.
 * NOT_FOUND for an unknown or deleted claim, or one of a deleted article.
 */
export async function findPrecedents(db: Db, claimId: string): Promise<PrecedentList> {
  const claim = await db.claim.findFirst({
    where: { id: claimId, deletedAt: null, article: { deletedAt: null } },
    select: { id: true, articleId: true, exact: true, speaker: true },
  });
  if (!claim) throw new AppError("NOT_FOUND", `No claim with id "${claimId}".`);
  const query = { quote: claim.exact, speaker: claim.speaker };
  const queryFeatures = readClaimFeatures(query);
  const found = await claimCandidates(db, precedentSearchGroups(queryFeatures), {
    excludeArticleId: claim.articleId,
    limit: PRECEDENT_CANDIDATES,
    enough: PRECEDENT_CANDIDATES_ENOUGH,
  });
  if (found.length === 0) return { items: [] };
  // The article's liveness is read with it, not asked of the join: without statistics, PostgreSQL drove that
  // join from every live article (2,000 index scans of Claim, 250 ms) instead of the candidates' ids.
  const candidateRows = await db.claim.findMany({
    where: {
      id: { in: found.map((candidate) => candidate.claimId) },
      deletedAt: null,
      articleId: { not: claim.articleId },
    },
    select: {
      id: true,
      exact: true,
      verdict: true,
      speaker: true,
      rationale: true,
      updatedAt: true,
      article: {
        select: {
          id: true,
          title: true,
          createdAt: true,
          deletedAt: true,
          publications: { select: PUBLICATION_STATE_SELECT },
        },
      },
    },
  });
  const rows = candidateRows.filter((row) => row.article.deletedAt === null);
  const speakerIds = await speakerIdsOf(db, [claim.speaker, ...rows.map((row) => row.speaker)]);
  const speakerIdOf = (name: string | null) => (name === null ? null : (speakerIds.get(name) ?? null));
  const queryScored = readClaimFeatures({ ...query, speakerId: speakerIdOf(claim.speaker) });
  const scored = rows
    .map((row) => ({
      row,
      ...scorePrecedent(queryScored, { quote: row.exact, speaker: row.speaker, speakerId: speakerIdOf(row.speaker) }),
    }))
    .filter((candidate) => candidate.score >= PRECEDENT_THRESHOLD)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.row.updatedAt.getTime() - a.row.updatedAt.getTime() ||
        (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0),
    )
    .slice(0, PRECEDENT_LIMIT);
  return {
    items: scored.map(
      ({ row, score, reasons }): Precedent => ({
        claim: {
          id: row.id,
          quote: row.exact,
          verdict: row.verdict as Verdict,
          speaker: row.speaker,
          rationale: row.rationale,
          updatedAt: row.updatedAt.toISOString(),
        },
        article: {
          id: row.article.id,
          title: row.article.title,
          createdAt: row.article.createdAt.toISOString(),
          isPublished: isPublishedNow(toPublicationState(row.article.publications)),
        },
        score,
        reasons,
      }),
    ),
  };
}

/** The newsroom Speaker each spelling belongs to (its SpeakerAlias row); spellings without one are left out. */
async function speakerIdsOf(db: DbClient, names: (string | null)[]): Promise<Map<string, string>> {
  const spellings = [...new Set(names.filter((name): name is string => name !== null))];
  if (spellings.length === 0) return new Map();
  const aliases = await db.speakerAlias.findMany({
    where: { name: { in: spellings } },
    select: { name: true, speakerId: true },
  });
  return new Map(aliases.map((alias) => [alias.name, alias.speakerId]));
}
