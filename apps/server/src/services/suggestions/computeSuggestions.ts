import { createHash } from "node:crypto";
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
  /** The article's text projection the suggestions' offsets are on (dismissals are matched against it). */
  text: string;
  suggestions: Suggestions;
}

/**
 * What the engine's answer depends on, as a hash: the text projection, the publication date, the live claims'
 * places and speakers, the contradicting links. A title or other metadata edit moves the article's version and
 * change number but not this, so the engine's answer is reused.
 */
function inputKey(input: SuggestionInput, linked: Set<string>): string {
  return createHash("sha256")
    .update(JSON.stringify([input.text, input.publishedAt, input.claims, [...linked].sort()]))
    .digest("base64url");
}

/** The engine's answers lately, per database client and article, by inputKey: a metadata edit reuses them. */
const recentByInput = recentPerClient<{ key: string; suggestions: Suggestions }>(16);

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
 * moves it. A change that leaves the engine's input as it was (a title or other metadata edit) reads the article
 * again but reuses the engine's answer (see inputKey). Errors: NOT_FOUND when the article went meanwhile; the pool's 422/413/503 on a job over its budget.
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
  const input: SuggestionInput = {
    text: article.text,
    publishedAt: article.publishedAt,
    claims: marked.map((claim) => ({ id: claim.id, selectors: claim.selectors, speaker: claim.speaker })),
  };
  // A pair already linked as contradicting is done: it is no longer a candidate.
  const linked = new Set(
    links.filter((link) => link.kind === "contradicts").map((link) => pairKey(link.fromClaimId, link.toClaimId)),
  );
  const key = inputKey(input, linked);
  const reused = recentByInput.get(db, articleId);
  let suggestions: Suggestions;
  if (reused?.key === key) {
    suggestions = reused.suggestions;
  } else {
    const found = await runHeavyJob<SuggestionInput, Suggestions>(
      { module: WORKER_MODULES.suggestions, name: "suggest" },
      input,
      { timeMs: SUGGESTIONS_TIME_MS, label: "Finding suggestions" },
    );
    const contradictions = found.contradictions.filter(
      (candidate) =>
        !(candidate.a.claimId && candidate.b.claimId && linked.has(pairKey(candidate.a.claimId, candidate.b.claimId))),
    );
    suggestions = { claims: found.claims, contradictions };
    recentByInput.set(db, articleId, { key, suggestions });
  }
  // The version is the one read with the text (the ETag whose offsets these are), not the state's, read before.
  const computed = { version: article.version, changeNumber: state.changeNumber, text: article.text, suggestions };
  recentAnswers.set(db, articleId, computed);
  return computed;
}

function pairKey(left: string, right: string): string {
  return left < right ? `${left} ${right}` : `${right} ${left}`;
}
