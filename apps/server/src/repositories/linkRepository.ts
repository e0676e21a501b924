import type { Actor, Claim, Contradiction, Link, LinkKind } from "@factmark/core";
import type { Prisma } from "../generated/prisma/client";
import type { DbClient } from "./articleRepository";
import { batchesOf } from "./batchesOf";
import { CLAIM_INCLUDE, toClaim } from "./claimRepository";
import { changeNumberOf } from "./eventRepository";

const LINK_INCLUDE = { createdBy: { select: { id: true, name: true } } } as const;
type LinkRow = Prisma.LinkGetPayload<{ include: typeof LINK_INCLUDE }>;

/** What a link rule needs to know of one of its claims. */
export interface LinkEnd {
  id: string;
  exact: string;
  isDeleted: boolean;
}

const LINK_END_SELECT = { id: true, exact: true, deletedAt: true } as const;

function toLinkEnd(row: { id: string; exact: string; deletedAt: Date | null }): LinkEnd {
  return { id: row.id, exact: row.exact, isDeleted: row.deletedAt !== null };
}

/** A link row as it crosses the wire. */
export function toLink(row: LinkRow): Link {
  return {
    id: row.id,
    articleId: row.articleId,
    fromClaimId: row.fromClaimId,
    toClaimId: row.toClaimId,
    kind: row.kind as LinkKind,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    ...(row.originalAuthorName ? { originalAuthorName: row.originalAuthorName } : {}),
  };
}

/**
 * The claims among `claimIds` that belong to a live article (deleted claims too), in one query a batch of ids
 * (batchesOf: an import's links may name thousands); null when the article is not there. A claim of another
 * article is simply absent.
 */
export async function findLinkEndsInArticle(
  db: DbClient,
  articleId: string,
  claimIds: string[],
): Promise<LinkEnd[] | null> {
  const article = await db.article.findFirst({ where: { id: articleId, deletedAt: null }, select: { id: true } });
  if (!article) return null;
  const ends: LinkEnd[] = [];
  for (const batch of batchesOf(claimIds)) {
    const rows = await db.claim.findMany({ where: { articleId, id: { in: batch } }, select: LINK_END_SELECT });
    ends.push(...rows.map(toLinkEnd));
  }
  return ends;
}

/** A live link of this kind between two claims, in either direction, other than `exceptId`. */
export async function findLiveLinkBetween(
  db: DbClient,
  claimIds: [string, string],
  kind: LinkKind,
  exceptId?: string,
): Promise<Link | null> {
  const [first, second] = claimIds;
  const row = await db.link.findFirst({
    where: {
      kind,
      deletedAt: null,
      ...(exceptId ? { id: { not: exceptId } } : {}),
      OR: [
        { fromClaimId: first, toClaimId: second },
        { fromClaimId: second, toClaimId: first },
      ],
    },
    include: LINK_INCLUDE,
  });
  return row ? toLink(row) : null;
}

/**
 * Whether an insert or restore failed on the index that keeps one live link per unordered pair and kind
 * (`Link_live_pair_kind_key`, migration 0008): the last line of defence when two writers race past the check, and
 * the check itself of the statement batches (linkWrites.ts). Prisma says P2002 (a link's only other unique key is its
 * random id, so a unique violation there means that index); better-sqlite3 and pg name the index.
 */
export function isDuplicateLiveLink(error: unknown): boolean {
  const { code, message, constraint } = (error ?? {}) as { code?: unknown; message?: unknown; constraint?: unknown };
  if (code === "P2002") return true;
  if (code === "SQLITE_CONSTRAINT_UNIQUE") return String(message).includes("Link_live_pair_kind_key");
  return code === "23505" && constraint === "Link_live_pair_kind_key";
}

export interface NewLink {
  id: string;
  articleId: string;
  fromClaimId: string;
  toClaimId: string;
  kind: LinkKind;
  note: string | null;
  /** Who first made it, when an import brought it in ("originally by …"); the actor is then the importer. */
  originalAuthorName?: string | null;
}

export async function insertLink(db: DbClient, link: NewLink, actor: Actor, at: Date): Promise<Link> {
  const row = await db.link.create({
    data: { ...link, changeNumber: changeNumberOf(db, link.articleId), createdById: actor.id, createdAt: at },
    include: LINK_INCLUDE,
  });
  return toLink(row);
}

/** A link of a live article, with both of its claims, whether or not it (or they) are deleted. */
export async function findLink(
  db: DbClient,
  id: string,
): Promise<{ link: Link; isDeleted: boolean; fromClaim: LinkEnd; toClaim: LinkEnd } | null> {
  const row = await db.link.findFirst({
    where: { id, article: { deletedAt: null } },
    include: { ...LINK_INCLUDE, fromClaim: { select: LINK_END_SELECT }, toClaim: { select: LINK_END_SELECT } },
  });
  if (!row) return null;
  return {
    link: toLink(row),
    isDeleted: row.deletedAt !== null,
    fromClaim: toLinkEnd(row.fromClaim),
    toClaim: toLinkEnd(row.toClaim),
  };
}

/** Deletes (a date) or restores (null) a link; false when it already was in that state. */
export async function setLinkDeletedAt(
  db: DbClient,
  link: Pick<Link, "id" | "articleId">,
  deletedAt: Date | null,
): Promise<boolean> {
  const result = await db.link.updateMany({
    where: { id: link.id, deletedAt: deletedAt ? null : { not: null } },
    data: { deletedAt, changeNumber: changeNumberOf(db, link.articleId) },
  });
  return result.count === 1;
}

/** Links shown to reviewers: live, and both claims live. */
const VISIBLE_LINK = { deletedAt: null, fromClaim: { deletedAt: null }, toClaim: { deletedAt: null } } as const;

/** The visible links of a live article, oldest first; null when the article is not there. */
export async function listLinksOfArticle(db: DbClient, articleId: string): Promise<Link[] | null> {
  const article = await db.article.findFirst({
    where: { id: articleId, deletedAt: null },
    select: {
      links: { where: VISIBLE_LINK, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: LINK_INCLUDE },
    },
  });
  return article ? article.links.map(toLink) : null;
}

/**
 * The article's links that changed after change number `since`, by their own write or a write to one of
 * their claims (deleting a claim hides its links): the visible ones, and the ids of the others.
 */
export async function listLinksChangedSince(
  db: DbClient,
  articleId: string,
  since: number,
): Promise<{ items: Link[]; deletedIds: string[] }> {
  const rows = await db.link.findMany({
    where: {
      articleId,
      OR: [
        { changeNumber: { gt: since } },
        { fromClaim: { changeNumber: { gt: since } } },
        { toClaim: { changeNumber: { gt: since } } },
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { ...LINK_INCLUDE, fromClaim: { select: { deletedAt: true } }, toClaim: { select: { deletedAt: true } } },
  });
  const isVisible = (row: (typeof rows)[number]) =>
    row.deletedAt === null && row.fromClaim.deletedAt === null && row.toClaim.deletedAt === null;
  return {
    items: rows.filter(isVisible).map(({ fromClaim: _from, toClaim: _to, ...row }) => toLink(row)),
    deletedIds: rows.filter((row) => !isVisible(row)).map((row) => row.id),
  };
}

/** The visible links of one kind with both claims in full; null when the article is not there. */
export async function listLinksWithClaims(
  db: DbClient,
  articleId: string,
  kind: LinkKind,
): Promise<Contradiction[] | null> {
  const article = await db.article.findFirst({
    where: { id: articleId, deletedAt: null },
    select: {
      links: {
        where: { ...VISIBLE_LINK, kind },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { ...LINK_INCLUDE, fromClaim: { include: CLAIM_INCLUDE }, toClaim: { include: CLAIM_INCLUDE } },
      },
    },
  });
  if (!article) return null;
  return article.links.map((row) => ({
    ...toLink(row),
    fromClaim: toClaim(row.fromClaim) satisfies Claim,
    toClaim: toClaim(row.toClaim),
  }));
}
