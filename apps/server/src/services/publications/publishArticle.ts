import {
  AppError,
  type Article,
  type ArticlePublicationState,
  buildReportModel,
  changeEvent,
  isAllowed,
  isPublishableClaim,
  type Principal,
  type Publication,
  type PublicationCreate,
  type PublishedFactCheck,
  publicFactCheckUrl,
  type ReportModel,
  type ReportOrganisation,
  type SpeakerKinds,
  slugify,
  ZPublishedFactCheck,
} from "@factmark/core";
import { inArticleLine } from "../../db/articleWriteLine";
import type { Db } from "../../db/createDatabase";
import { timeOrderedId } from "../../db/timeOrderedId";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { authorize } from "../../policy/authorize";
import {
  type DbClient,
  findArticle,
  findSlugsStartingWith,
  insertArticleEvent,
  updateArticleIfVersion,
} from "../../repositories/articleRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";
import {
  findPublishedVersion,
  insertPublication,
  listClaimsToPublish,
  listPublicationHistory,
  publicBaseUrl,
} from "../../repositories/publicationRepository";
import { findReportData } from "../../repositories/reportRepository";
import { withNewsroomSpeakerKinds } from "../speakers/withNewsroomSpeakerKinds";
import { findPublicationBlockers } from "./findPublicationBlockers";

/** Two articles that take the same slug at once: the one that commits second starts over, this many times in all. */
const SLUG_ATTEMPTS = 4;

/** Building a long article's snapshot is a large read and a large write: more than Prisma's default 5 s on a slow disk. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 } as const;

/**
 * Publishes an article's fact-check as it stands, as its next version (article.publish; the caller read
 * `expectedVersion` of the article). All in one transaction, after the article's change lock: the slug is chosen at
 * the first publication (core's slugify of the title; "-2", "-3"… when another article has it) and kept after; the
 * snapshot (core's ZPublishedFactCheck: the report model of the publishable claims, all approved, without working
 * history) is stored as version last + 1; the article moves to its next version (its answer now says where it is
 * published); `article.published` is recorded. Version 1 takes no correction note, every later version needs one.
 *
 * Errors: FORBIDDEN (also for anyone but an admin, article.retract, when the latest version is retracted); NOT_FOUND; PRECONDITION_FAILED (412, the current article) when the article moved on, which is
 * what a second publish of the same read gets; VALIDATION_FAILED (400) for a note on version 1 or none on a later
 * one; CONFLICT (409) with details `{blockers}` (core's ZPublicationBlockers) when something keeps it from being
 * published, and then nothing is stored.
 */
export async function publishArticle(
  db: Db,
  actor: Principal,
  articleId: string,
  expectedVersion: number,
  input: PublicationCreate,
  organisation: ReportOrganisation,
): Promise<Publication> {
  authorize(actor, "article.publish");
  const correctionNote = input.correctionNote?.trim() || null;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await inArticleLine(db, { articleId }, () =>
        db.$transaction(
          (tx) => publishInTransaction(tx, actor, articleId, expectedVersion, correctionNote, organisation),
          TRANSACTION_OPTIONS,
        ),
      );
    } catch (error) {
      // Another article committed the same new slug first (a unique violation aborts the whole transaction on
      // PostgreSQL): start over, and the next choice sees it taken.
      if (!isUniqueViolation(error) || attempt >= SLUG_ATTEMPTS) throw error;
    }
  }
}

async function publishInTransaction(
  tx: DbClient,
  actor: Principal,
  articleId: string,
  expectedVersion: number,
  correctionNote: string | null,
  organisation: ReportOrganisation,
): Promise<Publication> {
  await lockArticleForChanges(tx, articleId);
  const article = await findArticle(tx, articleId);
  if (!article) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  if (article.version !== expectedVersion) throw preconditionFailed("article", article);

  const earlier = await listPublicationHistory(tx, articleId);
  const previous = earlier.at(-1);
  // A retraction is an admin's: an editor publishing again would undo it.
  if (previous?.retractedAt && !isAllowed(actor.role, "article.retract")) {
    throw new AppError("FORBIDDEN", "This fact-check was retracted by an admin; only an admin may publish it again.", {
      action: "article.retract",
      role: actor.role,
    });
  }
  const version = (previous?.version ?? 0) + 1;
  if (version === 1 && correctionNote !== null) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The first publication takes no correction note: there is nothing to correct yet.",
    );
  }
  if (version > 1 && correctionNote === null) {
    throw new AppError("VALIDATION_FAILED", "A correction needs a note saying what changed.");
  }
  const claimsToPublish = await listClaimsToPublish(tx, articleId);
  // A speaker the article gives no kind takes the newsroom's (the speakers page), for the blockers and the snapshot.
  const speakerKinds = await withNewsroomSpeakerKinds(
    tx,
    article.speakerKinds,
    claimsToPublish.map((claim) => claim.speaker),
  );
  const blockers = findPublicationBlockers({ ...article, speakerKinds }, claimsToPublish);
  if (blockers.length > 0) {
    const count = blockers.length === 1 ? "One thing keeps" : `${blockers.length} things keep`;
    throw new AppError("CONFLICT", `${count} this fact-check from being published: ${blockers[0]?.reason}`, {
      blockers,
    });
  }

  const slug = article.publication.slug ?? (await chooseSlug(tx, article.title));
  const isMoved = await updateArticleIfVersion(
    tx,
    articleId,
    expectedVersion,
    article.publication.slug === null ? { slug } : {},
  );
  if (!isMoved) throw preconditionFailed("article", article);

  const publishedAt = new Date();
  const id = timeOrderedId(publishedAt.getTime());
  const baseUrl = publicBaseUrl();
  const firstPublishedAt = earlier[0]?.publishedAt ?? publishedAt;
  const publication: ArticlePublicationState = {
    slug,
    latestVersion: version,
    firstPublishedAt: firstPublishedAt.toISOString(),
    latestPublishedAt: publishedAt.toISOString(),
    retractedAt: null,
    url: publicFactCheckUrl(baseUrl, slug),
  };
  const previousSnapshot =
    previous && article.publication.slug !== null
      ? ((await findPublishedVersion(tx, article.publication.slug, previous.version))?.factCheck ?? null)
      : null;
  const snapshot = await buildSnapshot(tx, { ...article, speakerKinds }, organisation, previousSnapshot, {
    slug,
    version,
    publishedAt: publishedAt.toISOString(),
    firstPublishedAt: firstPublishedAt.toISOString(),
    correctionNote,
    earlierCorrections: earlier.flatMap((row) =>
      row.correctionNote === null
        ? []
        : [{ version: row.version, publishedAt: row.publishedAt.toISOString(), note: row.correctionNote }],
    ),
    publicBaseUrl: baseUrl,
    publication,
  });
  const stored = await insertPublication(tx, {
    id,
    articleId,
    version,
    slug,
    publishedAt,
    publishedById: actor.id,
    correctionNote,
    snapshot,
  });
  await insertArticleEvent(tx, articleId, actor, changeEvent.articlePublished({ id, version, slug, correctionNote }));
  return stored;
}

/** The first free slug for a title: slugify's, else with "-2", "-3"… (any article's counts, deleted ones too). */
async function chooseSlug(tx: DbClient, title: string): Promise<string> {
  const base = slugify(title);
  const taken = await findSlugsStartingWith(tx, base);
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

type SnapshotFields = Omit<
  PublishedFactCheck,
  "schemaVersion" | "model" | "conclusion" | "speakerKinds" | "claimNumbers" | "claimsFirstPublishedAt"
> & {
  publication: ArticlePublicationState;
};

/**
 * The frozen fact-check: the report model of the claims to publish, without working history, and with nothing
 * the desk keeps to itself (review notes; the kinds of speakers not published). Checked against core's schema,
 * so what is stored is what the public pages can read (a snapshot that does not validate fails the publication).
 * Claim numbers are public addresses, kept for good: see numberClaimsForGood.
 */
async function buildSnapshot(
  tx: DbClient,
  article: Article,
  organisation: ReportOrganisation,
  previous: PublishedFactCheck | null,
  { publication, ...fields }: SnapshotFields,
): Promise<PublishedFactCheck> {
  const data = await findReportData(tx, article.id);
  if (!data) throw new AppError("NOT_FOUND", `No article with id "${article.id}".`);
  const claims = data.claims.filter(isPublishableClaim).map((claim) => ({ ...claim, latestReview: null }));
  const speakerKinds: SpeakerKinds = {};
  for (const claim of claims) {
    const kind = claim.speaker === null ? undefined : article.speakerKinds[claim.speaker];
    if (claim.speaker !== null && kind) speakerKinds[claim.speaker] = kind;
  }
  const model = buildReportModel(
    {
      ...data,
      article: { ...article, speakerKinds, publication },
      claims,
      organisation,
      generatedAt: fields.publishedAt,
      reportUrl: publication.url ?? undefined,
    },
    { history: "omit" },
  );
  const numbered = numberClaimsForGood(model, previous, fields.publishedAt);
  return ZPublishedFactCheck.parse({
    schemaVersion: 1,
    ...fields,
    conclusion: article.conclusion,
    speakerKinds,
    claimNumbers: numbered.claimNumbers,
    claimsFirstPublishedAt: numbered.claimsFirstPublishedAt,
    model: numbered.model,
  });
}

/**
 * Renumbers a new version's model so that `/fact-checks/:slug/claims/:n` names one claim for good: a claim an
 * earlier version published (same claim id; the previous snapshot's `claimNumbers`, else its claims) keeps its
 * number; a new one takes the next number after the highest ever used, in document order (the model's order,
 * which stays), so a number dropped with its claim is never given to another. Every number in the model (claims,
 * their links, contradictions) is remapped alike. Also answers, for every claim ever published, its number and
 * when it was first published (the previous version's record, else its first publication's date; this version's
 * `publishedAt` for a new claim).
 */
function numberClaimsForGood(
  model: ReportModel,
  previous: PublishedFactCheck | null,
  publishedAt: string,
): { model: ReportModel; claimNumbers: Record<string, number>; claimsFirstPublishedAt: Record<string, string> } {
  const claimNumbers: Record<string, number> = {
    ...Object.fromEntries((previous?.model.claims ?? []).map((claim) => [claim.id, claim.number])),
    ...previous?.claimNumbers,
  };
  const claimsFirstPublishedAt: Record<string, string> = {};
  for (const id of Object.keys(claimNumbers)) {
    claimsFirstPublishedAt[id] = previous?.claimsFirstPublishedAt?.[id] ?? previous?.firstPublishedAt ?? publishedAt;
  }
  let next = Math.max(0, ...Object.values(claimNumbers)) + 1;
  const numberOf = new Map<number, number>();
  for (const claim of model.claims) {
    const kept = claimNumbers[claim.id];
    const number = kept ?? next++;
    numberOf.set(claim.number, number);
    if (kept === undefined) {
      claimNumbers[claim.id] = number;
      claimsFirstPublishedAt[claim.id] = publishedAt;
    }
  }
  const renumber = (number: number) => numberOf.get(number) ?? number;
  return {
    claimNumbers,
    claimsFirstPublishedAt,
    model: {
      ...model,
      claims: model.claims.map((claim) => ({
        ...claim,
        number: renumber(claim.number),
        links: claim.links.map((link) => ({ ...link, otherClaimNumber: renumber(link.otherClaimNumber) })),
      })),
      contradictions: model.contradictions.map((contradiction) => ({
        ...contradiction,
        left: { ...contradiction.left, number: renumber(contradiction.left.number) },
        right: { ...contradiction.right, number: renumber(contradiction.right.number) },
      })),
    },
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}
