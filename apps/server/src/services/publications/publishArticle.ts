import {
  AppError,
  type Article,
  type ArticlePublicationState,
  buildReportModel,
  changeEvent,
  isPublishableClaim,
  type Principal,
  type Publication,
  type PublicationCreate,
  type PublishedFactCheck,
  publicFactCheckUrl,
  type ReportOrganisation,
  type SpeakerKinds,
  slugify,
  ZPublishedFactCheck,
} from "@factmark/core";
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
  insertPublication,
  listClaimsToPublish,
  listPublicationHistory,
  publicBaseUrl,
} from "../../repositories/publicationRepository";
import { findReportData } from "../../repositories/reportRepository";
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
 * Errors: FORBIDDEN; NOT_FOUND; PRECONDITION_FAILED (412, the current article) when the article moved on, which is
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
      return await db.$transaction(
        (tx) => publishInTransaction(tx, actor, articleId, expectedVersion, correctionNote, organisation),
        TRANSACTION_OPTIONS,
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
  const version = (earlier.at(-1)?.version ?? 0) + 1;
  if (version === 1 && correctionNote !== null) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The first publication takes no correction note: there is nothing to correct yet.",
    );
  }
  if (version > 1 && correctionNote === null) {
    throw new AppError("VALIDATION_FAILED", "A correction needs a note saying what changed.");
  }
  const blockers = findPublicationBlockers(article, await listClaimsToPublish(tx, articleId));
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
  const snapshot = await buildSnapshot(tx, article, organisation, {
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

type SnapshotFields = Omit<PublishedFactCheck, "schemaVersion" | "model" | "conclusion" | "speakerKinds"> & {
  publication: ArticlePublicationState;
};

/**
 * The frozen fact-check: the report model of the claims to publish, without working history, and with nothing
 * the desk keeps to itself (review notes; the kinds of speakers not published). Checked against core's schema,
 * so what is stored is what the public pages can read (a snapshot that does not validate fails the publication).
 */
async function buildSnapshot(
  tx: DbClient,
  article: Article,
  organisation: ReportOrganisation,
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
  return ZPublishedFactCheck.parse({
    schemaVersion: 1,
    ...fields,
    conclusion: article.conclusion,
    speakerKinds,
    model,
  });
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}
