import {
  type AnnotationDocumentEntry,
  type AnnotationImportResult,
  AppError,
  claimIdsNamedByLinks,
  importValidationError,
  type PlannedItem,
  type Principal,
  planAnnotationEntries,
  readAnnotationDocument,
  resolveImportedLinks,
} from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { timeOrderedId } from "../../db/timeOrderedId";
import { linkEvents } from "../../domain/linkEvents";
import { authorize } from "../../policy/authorize";
import {
  type AnnotationClaimToInsert,
  type ClaimFingerprint,
  insertAnnotationClaims,
  listClaimFingerprints,
  listLiveLinksTouching,
} from "../../repositories/annotationImportRepository";
import { type DbClient, findArticleText } from "../../repositories/articleRepository";
import { type EventInput, insertEvents, lockArticleForChanges } from "../../repositories/eventRepository";
import { findLinkEndsInArticle, insertLink, type LinkEnd } from "../../repositories/linkRepository";
import { runHeavyJob } from "../../work/heavyWork";
import { WORKER_MODULES } from "../../work/workerModules";

/** An import of thousands of annotations writes thousands of rows; five seconds is too tight on a slow disk. */
const IMPORT_TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * How long placing one document's annotations may run on its worker thread, in ms: ANNOTATION_PLAN_TIME_MS, else
 * 60 s (20,000 annotations, the most one document holds, on a long article take some 15 s on a busy machine; core's
 * search budget bounds the fuzzy part). Read per import so a test can change it.
 */
export function planTimeMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.ANNOTATION_PLAN_TIME_MS);
  return Number.isFinite(value) && value > 0 ? value : 60_000;
}

/**
 * Up to this many annotation-characters (annotations × the article's length) a document is placed on the event loop
 * itself: about 2 ms of work, no more than the pool's round trip (2-5 ms warm, measured on a 173 KB article), e.g.
 * 10 annotations on a 20 KB article, or one on a 200 KB one. Anything larger goes to the pool.
 */
export const INLINE_PLAN_LIMIT = 200_000;

export interface ImportAnnotationsOptions {
  /** Refuse the whole document (UNPROCESSABLE naming each item) when any item would be orphaned or skipped. */
  isStrict?: boolean;
}

/** The article was saved between placing the annotations and storing them: they are placed again on its new text. */
class ArticleChangedWhilePlacing extends Error {}

/**
 * Adds the annotations of any W3C Web Annotation document (one annotation, an array, a collection or a page; from
 * Hypothesis, Recogito, Factmark or anyone) to an existing article as claims and links, and answers what became of
 * each item, in the document's order: anchored, orphaned (kept as an orphaned claim), linked or skipped, with the
 * reason (planAnnotationImport, resolveImportedLinks). One bad item is answered, never fatal, unless `isStrict`.
 *
 * The document is read and placed on the article's text at one version, on a worker thread of the heavy-work pool
 * when it is large (INLINE_PLAN_LIMIT), so the server answers every other request meanwhile. Then, in one
 * transaction under the article's change lock, the version is checked again and the claims and links are stored,
 * with one "claim.imported" entry per claim and the "link.added" entries a link made by hand has, under one change
 * number (so `?since=` lists, the event stream and the history see them). An article saved in between is placed on
 * anew, once; saved again meanwhile, the import is refused with CONFLICT (409), storing nothing. An item whose claim
 * the article has already (the same passage, original author and rationale) is skipped, as is a link the pair holds
 * already, so importing a document twice stores nothing twice. Throws VALIDATION_FAILED for a document of no Web
 * Annotation shape or over the limits, NOT_FOUND for an article that is not there (or deleted), UNPROCESSABLE for a
 * strict import that does not anchor whole, and the pool's errors (422 past planTimeMs(), 413 memory, 503 busy);
 * none of them stores anything.
 */
export async function importAnnotations(
  db: Db,
  actor: Principal,
  articleId: string,
  document: unknown,
  options: ImportAnnotationsOptions = {},
): Promise<AnnotationImportResult> {
  authorize(actor, "claim.create");
  // Read on the event loop (an iterative walk, no placing): a document of no Web Annotation shape is refused before
  // any work, and an annotation nested too deep to walk is left out of what is placed (answered as skipped).
  const entries = readAnnotationDocument(document);
  for (let attempt = 1; ; attempt += 1) {
    const article = await findArticleText(db, articleId);
    if (!article) throw notFound(articleId);
    const placed = await placeAnnotations(article.text, entries);
    // Checked before the change is started, so an import that adds nothing takes no change number.
    const decided = await decide(db, articleId, placed, options);
    if (!decided.planned.some((item) => item.claim || item.outcome === "linked")) {
      return answer(articleId, decided.planned, [], []);
    }
    try {
      return await inArticleLine(db, { articleId }, () =>
        db.$transaction(
          async (tx) => {
            await lockArticleForChanges(tx, articleId);
            const now = await findArticleText(tx, articleId);
            if (!now) throw notFound(articleId);
            if (now.version !== article.version) throw new ArticleChangedWhilePlacing();
            return store(tx, actor, articleId, await decide(tx, articleId, placed, options));
          },
          { timeout: IMPORT_TRANSACTION_TIMEOUT_MS, maxWait: IMPORT_TRANSACTION_TIMEOUT_MS },
        ),
      );
    } catch (error) {
      if (!(error instanceof ArticleChangedWhilePlacing)) throw error;
      if (attempt === 2) {
        throw new AppError(
          "CONFLICT",
          "The article was saved twice while its annotations were being placed, so nothing was imported. Import the document again.",
          { reason: "article_changed" },
        );
      }
    }
  }
}

/** Places the document's entries on the text: on the event loop when small (INLINE_PLAN_LIMIT), else on the pool. */
function placeAnnotations(text: string, entries: AnnotationDocumentEntry[]): Promise<PlannedItem[]> | PlannedItem[] {
  if (entries.length * Math.max(text.length, 1) <= INLINE_PLAN_LIMIT) return planAnnotationEntries(text, entries);
  return runHeavyJob<{ text: string; entries: AnnotationDocumentEntry[] }, PlannedItem[]>(
    { module: WORKER_MODULES.anchoring, name: "planAnnotations" },
    { text, entries },
    { timeMs: planTimeMs(), label: "Placing the annotations" },
  );
}

/** The items as they will be stored, and the id each item's claim is stored under (null: no claim). */
interface Decided {
  planned: PlannedItem[];
  claimIds: (string | null)[];
}

/**
 * What the placed items come to on the article as it is now: claims it has already skipped, each claim given its
 * id, links resolved against the claims this import makes and those the article has; a strict import refused unless
 * whole.
 */
async function decide(
  db: DbClient,
  articleId: string,
  placed: PlannedItem[],
  options: ImportAnnotationsOptions,
): Promise<Decided> {
  const kept = skipClaimsAlreadyThere(placed, await listClaimFingerprints(db, articleId));
  const claimIds = kept.map((item) => (item.claim ? timeOrderedId() : null));
  const planned = await resolveLinks(db, articleId, kept, claimIds);
  if (options.isStrict) refuseUnlessWhole(planned);
  return { planned, claimIds };
}

/** The link items answered (resolveImportedLinks): an end is an anchored item's claim, or a live one of the article. */
async function resolveLinks(
  db: DbClient,
  articleId: string,
  planned: PlannedItem[],
  claimIds: (string | null)[],
): Promise<PlannedItem[]> {
  if (!planned.some((item) => item.link)) return planned;
  const named = claimIdsNamedByLinks(planned);
  const ends = named.length > 0 ? ((await findLinkEndsInArticle(db, articleId, named)) ?? []) : [];
  const articleClaimIds = ends.filter((claim) => !claim.isDeleted).map((claim) => claim.id);
  const claimIdOfItem = new Map<number, string>();
  planned.forEach((item, index) => {
    const id = claimIds[index];
    if (id && item.outcome === "anchored") claimIdOfItem.set(index, id);
  });
  return resolveImportedLinks(planned, {
    claimIdOfItem,
    articleClaimIds: new Set(articleClaimIds),
    liveLinks: await listLiveLinksTouching(db, articleId, articleClaimIds),
  });
}

/**
 * Stores the claims and links decided, in the caller's transaction (which holds the article's change lock), each
 * link through the link repository's insert with the "link.added" entries on both its claims, and answers the import.
 */
async function store(
  tx: DbClient,
  actor: Principal,
  articleId: string,
  { planned, claimIds }: Decided,
): Promise<AnnotationImportResult> {
  const at = new Date();
  const claims = planned.map((item, index) => {
    const id = claimIds[index];
    return item.claim && id ? { id, claim: item.claim } : null;
  });
  await insertAnnotationClaims(
    tx,
    articleId,
    claims.filter((entry): entry is AnnotationClaimToInsert => entry !== null),
    actor,
    at,
  );
  const linkIds: (string | null)[] = planned.map(() => null);
  const links = planned.flatMap((item, index) =>
    item.outcome === "linked" && item.link?.ends ? [{ index, link: item.link, ends: item.link.ends }] : [],
  );
  if (links.length === 0) return answer(articleId, planned, claims, linkIds);

  const endOf = new Map<string, LinkEnd>();
  for (const entry of claims) {
    if (entry) endOf.set(entry.id, { id: entry.id, exact: entry.claim.selectors.quote.exact, isDeleted: false });
  }
  const older = links.flatMap(({ ends }) => [ends.fromClaimId, ends.toClaimId]).filter((id) => !endOf.has(id));
  for (const end of older.length > 0 ? ((await findLinkEndsInArticle(tx, articleId, older)) ?? []) : []) {
    endOf.set(end.id, end);
  }
  const events: EventInput[] = [];
  for (const { index, link, ends } of links) {
    const fromClaim = endOf.get(ends.fromClaimId);
    const toClaim = endOf.get(ends.toClaimId);
    if (!fromClaim || !toClaim) throw new Error(`The link of item ${index} lost an end between deciding and storing.`);
    const stored = await insertLink(
      tx,
      {
        id: timeOrderedId(),
        articleId,
        fromClaimId: fromClaim.id,
        toClaimId: toClaim.id,
        kind: link.kind,
        note: link.note,
        originalAuthorName: link.origin.authorName,
      },
      actor,
      link.origin.at ? new Date(link.origin.at) : at,
    );
    linkIds[index] = stored.id;
    events.push(...linkEvents("link.added", stored, { fromClaim, toClaim }));
  }
  await insertEvents(tx, articleId, actor, events, at);
  return answer(articleId, planned, claims, linkIds);
}

/**
 * Items whose claim the article has already (the same passage, original author and rationale: the same document
 * imported again) are skipped, so a second import adds only what is new.
 */
function skipClaimsAlreadyThere(planned: PlannedItem[], existing: ClaimFingerprint[]): PlannedItem[] {
  const fingerprint = (claim: ClaimFingerprint) =>
    JSON.stringify([claim.start, claim.end, claim.originalAuthorName, claim.rationale]);
  const seen = new Set(existing.map(fingerprint));
  return planned.map((item) => {
    if (!item.claim) return item;
    const { position } = item.claim.selectors;
    const key = fingerprint({
      ...position,
      originalAuthorName: item.claim.origin.authorName,
      rationale: item.claim.rationale,
    });
    if (!seen.has(key)) {
      seen.add(key);
      return item;
    }
    return {
      path: item.path,
      annotationId: item.annotationId,
      outcome: "skipped",
      reason:
        "The article has this claim already (the same passage, author and rationale): an annotation imported again is not marked twice.",
    };
  });
}

function notFound(articleId: string): AppError {
  return new AppError("NOT_FOUND", `No article with id "${articleId}".`);
}

/**
 * A strict import stores all or nothing: every item that would not be anchored or linked is named, with why, in
 * the conditional (nothing is stored, so no orphan "was kept").
 */
function refuseUnlessWhole(planned: PlannedItem[]): void {
  const failing = planned.filter((item) => item.outcome !== "anchored" && item.outcome !== "linked");
  if (failing.length === 0) return;
  throw importValidationError(
    `${failing.length} of ${planned.length} annotations would not be anchored or linked, and ?strict=true imports all or nothing`,
    failing.map((item) => ({
      path: item.path || "(the annotation)",
      message:
        item.outcome === "orphaned"
          ? `would be kept as an orphaned claim, but ?strict=true stores nothing: ${item.orphanCause ?? item.reason}`
          : `${item.outcome}: ${item.reason}`,
    })),
    "UNPROCESSABLE",
  );
}

function answer(
  articleId: string,
  planned: PlannedItem[],
  claims: (AnnotationClaimToInsert | null)[],
  linkIds: (string | null)[],
): AnnotationImportResult {
  const items = planned.map(({ claim: _claim, link: _link, orphanCause: _cause, ...item }, index) => ({
    ...item,
    claimId: claims[index]?.id ?? null,
    linkId: linkIds[index] ?? null,
  }));
  const count = (outcome: string) => items.filter((item) => item.outcome === outcome).length;
  return {
    articleId,
    anchored: count("anchored"),
    orphaned: count("orphaned"),
    linked: count("linked"),
    skipped: count("skipped"),
    items,
  };
}
