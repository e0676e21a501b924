import { AppError } from "@factmark/core";
import type { SuggestionInput, Suggestions } from "@factmark/core/suggestions";
import type { Db } from "../../db/createDatabase";
import { findArticle } from "../../repositories/articleRepository";
import { listClaimsOfArticle } from "../../repositories/claimRepository";
import { listLinksOfArticle } from "../../repositories/linkRepository";
import { recentPerClient } from "../../repositories/recentPerClient";
import { runHeavyJob } from "../../work/heavyWork";
import { WORKER_MODULES } from "../../work/workerModules";

/** The engine's answer for one state of an article, the candidates already linked left out. */
export interface ComputedSuggestions {
  /** The article version and change number it was computed at (read before the article, its claims and links). */
  version: number;
  changeNumber: number;
  suggestions: Suggestions;
}

/** How long the engine may take on one article: a 50,000-word article takes about 2 s on one core. */
const SUGGESTIONS_TIME_MS = 20_000;

/** The answers computed lately, per database client and article: an article's readers share one computation. */
const recentAnswers = recentPerClient<ComputedSuggestions>(16);
/** Computations under way, so that readers arriving together wait for one, not one each. */
const underWay = new WeakMap<Db, Map<string, Promise<ComputedSuggestions>>>();

/**
 * The suggestions for a live article at `state` (its version and change number): from memory when they were
 * computed at that state, else computed on the heavy-work pool from the article's text, its live claims and links.
 * Keyed by the change number because a claim marked, edited or linked changes what is suggested; every such change
 * moves it. Errors: NOT_FOUND when the article went meanwhile; the pool's 422/413/503 on a job over its budget.
 */
export async function computeSuggestions(
  db: Db,
  articleId: string,
  state: { version: number; changeNumber: number },
): Promise<ComputedSuggestions> {
  const known = recentAnswers.get(db, articleId);
  if (known && known.version === state.version && known.changeNumber === state.changeNumber) return known;
  const key = `${articleId}:${state.version}:${state.changeNumber}`;
  let running = underWay.get(db);
  if (!running) {
    running = new Map();
    underWay.set(db, running);
  }
  const pending = running.get(key);
  if (pending) return pending;
  const computing = compute(db, articleId, state).finally(() => running.delete(key));
  running.set(key, computing);
  return computing;
}

async function compute(
  db: Db,
  articleId: string,
  state: { version: number; changeNumber: number },
): Promise<ComputedSuggestions> {
  // Read after the state: what they hold is at least as new, so a later change always finds a new key.
  const [article, claims, links] = await Promise.all([
    findArticle(db, articleId),
    listClaimsOfArticle(db, articleId),
    listLinksOfArticle(db, articleId),
  ]);
  if (!article || !claims || !links) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  const marked = claims.items.filter((claim) => !claim.isOrphaned);
  const found = await runHeavyJob<SuggestionInput, Suggestions>(
    { module: WORKER_MODULES.suggestions, name: "suggest" },
    {
      text: article.text,
      publishedAt: article.publishedAt,
      claims: marked.map((claim) => ({ id: claim.id, selectors: claim.selectors, speaker: claim.speaker })),
    },
    { timeMs: SUGGESTIONS_TIME_MS, label: "Finding suggestions" },
  );
  // A pair already linked as contradicting is done: it is no longer a candidate.
  const linked = new Set(
    links.filter((link) => link.kind === "contradicts").map((link) => pairKey(link.fromClaimId, link.toClaimId)),
  );
  const contradictions = found.contradictions.filter(
    (candidate) =>
      !(candidate.a.claimId && candidate.b.claimId && linked.has(pairKey(candidate.a.claimId, candidate.b.claimId))),
  );
  const computed = { ...state, suggestions: { claims: found.claims, contradictions } };
  recentAnswers.set(db, articleId, computed);
  return computed;
}

function pairKey(left: string, right: string): string {
  return left < right ? `${left} ${right}` : `${right} ${left}`;
}
