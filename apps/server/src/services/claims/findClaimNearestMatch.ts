import { AppError, type NearestMatch, type NearestMatchAnswer, type Selectors } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { requireClaim } from "../../domain/requireClaim";
import { findArticleText } from "../../repositories/articleRepository";
import { runHeavyJob } from "../../work/heavyWork";
import { WORKER_MODULES } from "../../work/workerModules";

const WORKER = WORKER_MODULES.anchoring;

/** How long the search for a nearest match may run on its worker thread, in ms (core's budget keeps it to about a second). */
const NEAREST_MATCH_TIME_MS = 10_000;

/**
 * For an orphaned claim, the words of its article now that come closest to its old quote, with what
 * differs (core's findNearestMatch, on a worker thread: a fuzzy search through a long text), so the
 * reviewer can attach it there in one click: the guard that orphaned it refused them, so a person
 * decides. `{match: null}` when nothing comes close, or when a search would cost more than core's
 * budget and no intact copy of the quote is left; CONFLICT when the claim is not orphaned; the pool's
 * 422 (time) and 503 (busy).
 */
export async function findClaimNearestMatch(db: Db, id: string): Promise<NearestMatchAnswer> {
  const { isDeleted: _isDeleted, ...claim } = await requireClaim(db, id);
  if (!claim.isOrphaned) {
    throw new AppError("CONFLICT", "This claim is anchored in the text: only an orphan has a nearest match to offer.");
  }
  const article = await findArticleText(db, claim.articleId);
  if (!article) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
  const match = await runHeavyJob<{ selectors: Selectors; text: string }, NearestMatch | null>(
    { module: WORKER, name: "findNearestPlace" },
    { selectors: claim.selectors, text: article.text },
    { timeMs: NEAREST_MATCH_TIME_MS, label: "Looking for the nearest match" },
  );
  return {
    match: match ? { selectors: match.selectors, quoteScore: match.quoteScore, differences: match.differences } : null,
  };
}
