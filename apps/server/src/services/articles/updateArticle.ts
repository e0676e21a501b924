import {
  AppError,
  type Article,
  type ArticleDetails,
  type ArticleDetailsAfter,
  type ArticleSaved,
  type ArticleUpdate,
  articleText,
  type ChangePayload,
  type Conclusion,
  changeEvent,
  type Principal,
  type SpeakerKind,
  type SpeakerKinds,
} from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { preconditionFailed } from "../../domain/preconditionFailed";
import {
  type ClaimPlacements,
  claimsToPlace,
  claimsWithoutPlacement,
  computeClaimPlacements,
  reanchorArticleClaims,
} from "../../domain/reanchorArticleClaims";
import { authorize } from "../../policy/authorize";
import {
  findArticle,
  findArticleText,
  insertArticleEvent,
  updateArticleIfVersion,
} from "../../repositories/articleRepository";
import { type AnchoredClaim, listAnchoredClaims } from "../../repositories/claimAnchorRepository";
import { findLastChangeNumber, lockArticleForChanges } from "../../repositories/eventRepository";

/**
 * Changes an article's metadata and/or its body, its conclusion and/or its speakers' kinds, if the caller read the
 * current version. A new body (`doc`, already checked against the editor's schema) is stored with its text
 * projection, and every claim is re-anchored in the same transaction; the answer says how the live ones fared. The
 * deleted (restorable) ones are placed with them, unseen (no history entry, new version or change number; see
 * reanchorArticleClaims), so one restored or undone comes back on its words as if it had stayed live. Re-anchoring
 * is computed first, on a worker thread and outside the transaction (it can take seconds, and no writer may wait
 * that long); the transaction then checks that the claims are still those it computed for. A claim marked,
 * re-attached, moved, deleted or restored meanwhile is placed too: the save computes the newcomers again (outside,
 * up to MAX_PLACEMENT_ROUNDS times, then inside the transaction), so none is lost or left on the old text. The
 * conclusion (null clears it) and the speakers' kinds (merged; a name mapped to null is forgotten) need
 * article.conclude, and are recorded only when they change: a request that changes nothing stores nothing and
 * answers the article as it is. FORBIDDEN, NOT_FOUND, PRECONDITION_FAILED (412, with the current article), and
 * the worker pool's (422 past REANCHOR_TIME_MS, 503 busy).
 */
export async function updateArticle(
  db: Db,
  actor: Principal,
  id: string,
  expectedVersion: number,
  input: ArticleUpdate,
): Promise<ArticleSaved> {
  const { conclusion, speakerKinds, doc, ...metadata } = input;
  const isEditingArticle = doc !== undefined || Object.keys(metadata).length > 0;
  if (isEditingArticle) authorize(actor, "article.edit");
  if (conclusion !== undefined || speakerKinds !== undefined) authorize(actor, "article.conclude");
  if (!isEditingArticle) {
    // Nothing to change is answered before the change lock is taken, which would use up a change number.
    const current = await findArticle(db, id);
    const isNoChange = current?.version === expectedVersion && !conclusionChangesOf(current, input).events.length;
    if (current && isNoChange) return current;
  }
  const text = doc ? articleText(doc) : undefined;
  const placements: ClaimPlacements = new Map();
  let listed: ListedClaims | undefined;
  if (text !== undefined) {
    // The claims as they are now, placed on the new text off the main thread, before the transaction. The change
    // number first: the claims listed after it are the article's at that number, or at a later one.
    const changeNumber = await findLastChangeNumber(db, id);
    // The text alone (kept in memory while its version is the article's): the document is not needed here.
    const current = await findArticleText(db, id);
    if (changeNumber === null || !current) throw new AppError("NOT_FOUND", `No article with id "${id}".`);
    if (current.version !== expectedVersion) {
      const article = await findArticle(db, id);
      if (!article) throw new AppError("NOT_FOUND", `No article with id "${id}".`);
      throw preconditionFailed("article", article);
    }
    // The deleted claims too, after the live ones (see claimsToPlace), in the same read: a writer that deletes or
    // restores one meanwhile takes the next change number as any other.
    listed = { changeNumber, claims: claimsToPlace(await listAnchoredClaims(db, id, ALL_ANCHORED), current.text) };
    await computeClaimPlacements(placements, listed.claims, current.text, text);
  }
  for (let round = 1; ; round += 1) {
    try {
      return await saveChange(db, actor, id, expectedVersion, input, text, placements, listed, round);
    } catch (error) {
      if (!(error instanceof ClaimsChangedMeanwhile)) throw error;
      await computeClaimPlacements(placements, error.claims, error.oldText, error.newText);
    }
  }
}

/** What a save lists to place: the live claims and the deleted ones (see claimsToPlace). */
const ALL_ANCHORED = { includeDeleted: true } as const;

/**
 * The claims a save listed before its transaction (claimsToPlace's), and the article's change number before it
 * listed them.
 */
interface ListedClaims {
  changeNumber: number;
  claims: AnchoredClaim[];
}

/**
 * How many times a save computes placements outside its transaction for claims that changed meanwhile; the last
 * round computes them inside (holding other writers back for as long as those few claims take).
 */
const MAX_PLACEMENT_ROUNDS = 3;

/** Thrown inside the save's transaction (rolling it back) when claims changed since their placements were computed. */
class ClaimsChangedMeanwhile extends Error {
  constructor(
    readonly claims: AnchoredClaim[],
    readonly oldText: string,
    readonly newText: string,
  ) {
    super("Claims changed while the save computed their placements.");
  }
}

/**
 * The save's transaction: the article's change lock, the version check, the change, the claims' placements. `listed`:
 * the claims listed before it, which are still the article's when no change came between (see below).
 */
function saveChange(
  db: Db,
  actor: Principal,
  id: string,
  expectedVersion: number,
  input: ArticleUpdate,
  text: string | undefined,
  placements: ClaimPlacements,
  listed: ListedClaims | undefined,
  round: number,
): Promise<ArticleSaved> {
  const { conclusion: _conclusion, speakerKinds: _speakerKinds, doc, ...metadata } = input;
  const isEditingArticle = doc !== undefined || Object.keys(metadata).length > 0;
  return inArticleLine(db, { articleId: id }, () =>
    db.$transaction(async (tx) => {
      // The article's change lock first, as every writer of the article takes it: no claim is placed on
      // the old text while this save re-anchors the others. (A save that got in meanwhile fails the version check.)
      const changeNumber = await lockArticleForChanges(tx, id);
      const current = await findArticle(tx, id);
      if (!current) throw new AppError("NOT_FOUND", `No article with id "${id}".`);
      if (current.version !== expectedVersion) throw preconditionFailed("article", current);
      const { conclusionChange, kindsChange, events: conclusionEvents } = conclusionChangesOf(current, input);
      if (!isEditingArticle && conclusionEvents.length === 0) return current;
      // Under the lock, the claims no one else can change now: each must have its placement on the new text. Every
      // writer of an article's claims takes its next change number first (lockArticleForChanges), so when this save's
      // number is the one after the number read before the claims were listed, no change came between: they are the
      // claims listed then (the first round only; 10,000 claims read again took a tenth of a second), deleted ones and
      // all: a claim deleted or restored since is listed again as it is now, and keeps its placement (by id and
      // selectors), stored as a deleted or a live claim's.
      const isListedCurrent = round === 1 && listed !== undefined && changeNumber === listed.changeNumber + 1;
      const claims =
        text === undefined
          ? []
          : isListedCurrent
            ? listed.claims
            : claimsToPlace(await listAnchoredClaims(tx, id, ALL_ANCHORED), current.text);
      const unplaced = claimsWithoutPlacement(placements, claims);
      if (text !== undefined && unplaced.length > 0) {
        if (round < MAX_PLACEMENT_ROUNDS) throw new ClaimsChangedMeanwhile(unplaced, current.text, text);
        await computeClaimPlacements(placements, unplaced, current.text, text);
      }
      const change = {
        ...metadata,
        publishedAt:
          metadata.publishedAt === undefined ? undefined : metadata.publishedAt ? new Date(metadata.publishedAt) : null,
        ...(doc && text !== undefined ? { doc, text } : {}),
        ...(conclusionChange === undefined ? {} : { conclusion: conclusionChange }),
        ...(kindsChange ? { speakerKinds: kindsChange.merged } : {}),
      };
      const isUpdated = await updateArticleIfVersion(tx, id, expectedVersion, change);
      if (!isUpdated) throw preconditionFailed("article", current);
      const reanchored =
        text === undefined ? undefined : await reanchorArticleClaims(tx, actor, id, claims, placements, new Date());
      const given = Object.keys(metadata) as (keyof typeof metadata)[];
      const from: ArticleDetails = Object.fromEntries(given.map((field) => [field, current[field]]));
      const to: ArticleDetailsAfter = { ...metadata };
      // The body is recorded by its size, not copied into the history: an article can be megabytes.
      if (text !== undefined) {
        from.textLength = current.text.length;
        to.textLength = text.length;
        to.reanchored = reanchored;
      }
      if (isEditingArticle) await insertArticleEvent(tx, id, actor, changeEvent.articleUpdated(from, to));
      for (const event of conclusionEvents) await insertArticleEvent(tx, id, actor, event);
      const updated = await findArticle(tx, id);
      if (!updated) throw new AppError("NOT_FOUND", `No article with id "${id}".`);
      return reanchored ? { ...updated, reanchored } : updated;
    }, TRANSACTION_OPTIONS),
  );
}

/** Re-anchoring thousands of claims is thousands of row updates: more than Prisma's default 5 s allows on a slow disk. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 } as const;

/** What an update changes of the article's conclusion and speakers' kinds, and the entries that record it. */
function conclusionChangesOf(current: Article, { conclusion, speakerKinds }: ArticleUpdate) {
  const conclusionChange =
    conclusion !== undefined && !isSameConclusion(current.conclusion, conclusion) ? conclusion : undefined;
  const kindsChange = speakerKinds === undefined ? undefined : mergeSpeakerKinds(current.speakerKinds, speakerKinds);
  const events: ChangePayload[] = [
    ...(conclusionChange === undefined ? [] : [changeEvent.conclusionChanged(current.conclusion, conclusionChange)]),
    ...(kindsChange ? [changeEvent.speakerKindsChanged(kindsChange.from, kindsChange.to)] : []),
  ];
  return { conclusionChange, kindsChange, events };
}

function isSameConclusion(a: Conclusion | null, b: Conclusion | null): boolean {
  return a === b || (a !== null && b !== null && a.summary === b.summary && a.rating === b.rating);
}

/**
 * The speakers' kinds with an update merged in (null forgets a name), and, by name, what changed; undefined when
 * nothing does.
 */
function mergeSpeakerKinds(
  current: SpeakerKinds,
  update: Record<string, SpeakerKind | null>,
):
  | { merged: SpeakerKinds; from: Record<string, SpeakerKind | null>; to: Record<string, SpeakerKind | null> }
  | undefined {
  // Without a prototype, a speaker named "__proto__" is a name like any other, not a way to set one.
  const merged: SpeakerKinds = Object.assign(Object.create(null), current);
  const from: Record<string, SpeakerKind | null> = Object.create(null);
  const to: Record<string, SpeakerKind | null> = Object.create(null);
  for (const [name, kind] of Object.entries(update)) {
    const before = Object.hasOwn(current, name) ? (current[name] ?? null) : null;
    if (before === kind) continue;
    from[name] = before;
    to[name] = kind;
    if (kind === null) delete merged[name];
    else merged[name] = kind;
  }
  return Object.keys(to).length === 0 ? undefined : { merged, from, to };
}
