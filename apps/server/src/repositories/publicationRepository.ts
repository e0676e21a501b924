import {
  type ArticlePublicationState,
  type ClaimStatus,
  NEVER_PUBLISHED,
  type Publication,
  type PublishedFactCheck,
  publicFactCheckUrl,
  type Verdict,
  ZPublishedFactCheck,
} from "@factmark/core";
import type { Prisma } from "../generated/prisma/client";
import { reportOrganisation } from "../report/reportSettings";
import type { DbClient } from "./articleRepository";
import { recentPerClient } from "./recentPerClient";

/**
 * Where the public pages live, without a trailing slash: PUBLIC_URL, else the organisation's URL
 * (FACTMARK_ORGANISATION_URL), else this server on localhost at its PORT (http://localhost:3000 by default). Read per call, like the report's organisation. Never
 * the origin a request came to: what is published is frozen with its address (ClaimReview `url`), and the host an
 * editor happened to use may be an internal one.
 */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PUBLIC_URL?.trim() || reportOrganisation(undefined, env).url;
  return configured.replace(/\/+$/, "");
}

/** What the publication state of an article is read from: each version's row, without its snapshot. */
export const PUBLICATION_STATE_SELECT = {
  version: true,
  slug: true,
  publishedAt: true,
  retractedAt: true,
} as const satisfies Prisma.PublicationSelect;
export type PublicationStateRow = Prisma.PublicationGetPayload<{ select: typeof PUBLICATION_STATE_SELECT }>;

/** Where an article's publication stands, from its versions' rows (any order); NEVER_PUBLISHED without any. */
export function toPublicationState(
  rows: readonly PublicationStateRow[],
  baseUrl: string = publicBaseUrl(),
): ArticlePublicationState {
  if (rows.length === 0) return NEVER_PUBLISHED;
  const sorted = [...rows].sort((a, b) => a.version - b.version);
  const first = sorted[0] as PublicationStateRow;
  const latest = sorted[sorted.length - 1] as PublicationStateRow;
  return {
    slug: latest.slug,
    latestVersion: latest.version,
    firstPublishedAt: first.publishedAt.toISOString(),
    latestPublishedAt: latest.publishedAt.toISOString(),
    retractedAt: latest.retractedAt?.toISOString() ?? null,
    url: publicFactCheckUrl(baseUrl, latest.slug),
  };
}

const BY = { select: { id: true, name: true } } as const;
const PUBLICATION_INCLUDE = { publishedBy: BY, retractedBy: BY } as const;
type PublicationRow = Prisma.PublicationGetPayload<{ include: typeof PUBLICATION_INCLUDE; omit: { snapshot: true } }>;

/** A version as the API answers it; `latestVersion` decides whether its URL names the version. */
function toPublication(row: PublicationRow, latestVersion: number, baseUrl: string): Publication {
  return {
    id: row.id,
    articleId: row.articleId,
    version: row.version,
    slug: row.slug,
    url: publicFactCheckUrl(baseUrl, row.slug, row.version === latestVersion ? {} : { version: row.version }),
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
    correctionNote: row.correctionNote,
    retractedAt: row.retractedAt?.toISOString() ?? null,
    retractionNote: row.retractionNote,
    retractedBy: row.retractedBy,
  };
}

/** Every version of an article's fact-check, newest first, without their snapshots. */
export async function listPublications(db: DbClient, articleId: string): Promise<Publication[]> {
  const rows = await db.publication.findMany({
    where: { articleId },
    omit: { snapshot: true },
    include: PUBLICATION_INCLUDE,
    orderBy: { version: "desc" },
  });
  const baseUrl = publicBaseUrl();
  const latestVersion = rows[0]?.version ?? 0;
  return rows.map((row) => toPublication(row, latestVersion, baseUrl));
}

/** What a new version needs to know of the earlier ones: each version's number, date and correction note, oldest first. */
export async function listPublicationHistory(
  db: DbClient,
  articleId: string,
): Promise<
  { id: string; version: number; publishedAt: Date; correctionNote: string | null; retractedAt: Date | null }[]
> {
  return db.publication.findMany({
    where: { articleId },
    select: { id: true, version: true, publishedAt: true, correctionNote: true, retractedAt: true },
    orderBy: { version: "asc" },
  });
}

export interface NewPublication {
  id: string;
  articleId: string;
  version: number;
  slug: string;
  publishedAt: Date;
  publishedById: string;
  correctionNote: string | null;
  snapshot: PublishedFactCheck;
}

/** Stores a version; the caller holds the article's change lock (so version numbers are taken one at a time). */
export async function insertPublication(tx: DbClient, publication: NewPublication): Promise<Publication> {
  const { snapshot, ...fields } = publication;
  const row = await tx.publication.create({
    data: { ...fields, snapshot: JSON.stringify(snapshot) },
    omit: { snapshot: true },
    include: PUBLICATION_INCLUDE,
  });
  return toPublication(row, row.version, publicBaseUrl());
}

/** Marks a version retracted; answers it as the API shows it. The caller holds the article's change lock. */
export async function retractPublication(
  tx: DbClient,
  id: string,
  retraction: { at: Date; byId: string; note: string },
): Promise<Publication> {
  const row = await tx.publication.update({
    where: { id },
    data: { retractedAt: retraction.at, retractedById: retraction.byId, retractionNote: retraction.note },
    omit: { snapshot: true },
    include: PUBLICATION_INCLUDE,
  });
  return toPublication(row, row.version, publicBaseUrl());
}

/**
 * A published version as a public page shows it: its frozen fact-check (null when the slug has no such version), the
 * latest version's number, and the retraction it shows: the latest version's (on every version's page), else its own
 * when it was retracted before a later version republished the fact-check.
 */
export interface PublishedVersion {
  factCheck: PublishedFactCheck | null;
  latestVersion: number;
  retraction: { at: string; note: string } | null;
}

/** Snapshots never change once stored: the last few parsed are kept, by publication id. */
const parsedSnapshots = recentPerClient<PublishedFactCheck>(16);

/**
 * The version `version` (the latest when undefined) of the fact-check published at `slug`; null when no fact-check
 * is published there. One small query (two for an older version), and one for the snapshot unless it was read
 * lately. Pages stay up when the article is deleted: what was published is withdrawn by a retraction, which says so.
 */
export async function findPublishedVersion(
  db: DbClient,
  slug: string,
  version?: number,
): Promise<PublishedVersion | null> {
  const latest = await db.publication.findFirst({
    where: { slug },
    orderBy: { version: "desc" },
    select: { id: true, version: true, retractedAt: true, retractionNote: true },
  });
  if (!latest) return null;
  const wanted =
    version === undefined || version === latest.version
      ? latest
      : await db.publication.findFirst({
          where: { slug, version },
          select: { id: true, retractedAt: true, retractionNote: true },
        });
  // The latest retraction shows on every version's page; a version retracted and then republished keeps its own.
  const retracted = latest.retractedAt ? latest : wanted?.retractedAt ? wanted : null;
  const state = {
    latestVersion: latest.version,
    retraction: retracted?.retractedAt
      ? { at: retracted.retractedAt.toISOString(), note: retracted.retractionNote ?? "" }
      : null,
  };
  if (!wanted) return { ...state, factCheck: null };
  let factCheck = parsedSnapshots.get(db, wanted.id);
  if (!factCheck) {
    const row = await db.publication.findUnique({ where: { id: wanted.id }, select: { snapshot: true } });
    if (!row) return { ...state, factCheck: null };
    factCheck = ZPublishedFactCheck.parse(JSON.parse(row.snapshot));
    parsedSnapshots.set(db, wanted.id, factCheck);
  }
  return { ...state, factCheck };
}

/** What deciding whether a claim can be published needs of it. */
export interface ClaimToPublish {
  id: string;
  start: number;
  end: number;
  verdict: Verdict;
  status: ClaimStatus;
  speaker: string | null;
  isOrphaned: boolean;
  isAnchorUnconfirmed: boolean;
}

/** The live claims of an article, in document order (as the report numbers them), with what publishing checks. */
export async function listClaimsToPublish(db: DbClient, articleId: string): Promise<ClaimToPublish[]> {
  const rows = await db.claim.findMany({
    where: { articleId, deletedAt: null },
    select: {
      id: true,
      start: true,
      end: true,
      verdict: true,
      status: true,
      speaker: true,
      isOrphaned: true,
      isAnchorUnconfirmed: true,
    },
  });
  // Sorted here, as the report model sorts: a database's collation could order equal positions' ids otherwise.
  return rows
    .map((row) => ({ ...row, verdict: row.verdict as Verdict, status: row.status as ClaimStatus }))
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The latest version of an article's fact-check, without its snapshot; null when never published. */
export async function findLatestPublication(
  db: DbClient,
  articleId: string,
): Promise<{ id: string; version: number; retractedAt: Date | null } | null> {
  return db.publication.findFirst({
    where: { articleId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, retractedAt: true },
  });
}
