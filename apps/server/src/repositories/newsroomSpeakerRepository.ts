import { speakerNameKey } from "@factmark/core";
import { isPostgres } from "../db/createDatabase";
import { timeOrderedId } from "../db/timeOrderedId";
import { Prisma } from "../generated/prisma/client";
import type { DbClient } from "./articleRepository";
import { batchesOf } from "./batchesOf";

// The newsroom's speakers (issue 20): a Speaker has aliases, each a spelling exactly as claims spell it. A claim
// belongs to the speaker whose alias equals its `speaker`; the claim's own string never changes here.

/** A speaker row with its aliases, A to Z. */
export interface SpeakerRow {
  id: string;
  name: string;
  kind: string | null;
  aliases: string[];
}

/**
 * Every alias of the speaker `name` belongs to: the speaker whose alias is exactly `name`, else the one whose alias
 * folds to the same speakerNameKey (the alphabetically first such alias decides when several speakers share the key);
 * empty when no speaker has it.
 */
export async function findAliasesOfSpelling(db: DbClient, name: string): Promise<string[]> {
  const alias =
    (await db.speakerAlias.findUnique({ where: { name }, select: { speakerId: true } })) ??
    (await db.speakerAlias.findFirst({
      where: { key: speakerNameKey(name) },
      select: { speakerId: true },
      orderBy: { name: "asc" },
    }));
  if (!alias) return [];
  const aliases = await db.speakerAlias.findMany({
    where: { speakerId: alias.speakerId },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return aliases.map((row) => row.name);
}

/**
 * Claims' speaker spellings (deleted claims' too) that no alias has yet, with how many claims use each. The distinct
 * spellings come off Claim's speaker index first, so only they are looked up among the aliases: cheap when nothing
 * is new, which is almost always.
 */
export async function findUnaliasedSpellings(db: DbClient): Promise<{ name: string; claimCount: number }[]> {
  const [anyNew] = await db.$queryRaw<{ name: string }[]>`
    SELECT s."speaker" AS "name" FROM (${DISTINCT_SPELLINGS}) AS s WHERE ${IS_UNALIASED} LIMIT 1`;
  if (!anyNew) return [];
  const rows = await db.$queryRaw<{ name: string; claimCount: number | bigint }[]>`
    SELECT c."speaker" AS "name", COUNT(*) AS "claimCount" FROM "Claim" AS c
    WHERE c."speaker" IN (SELECT s."speaker" FROM (${DISTINCT_SPELLINGS}) AS s WHERE ${IS_UNALIASED})
    GROUP BY c."speaker"`;
  return rows.map((row) => ({ name: row.name, claimCount: Number(row.claimCount) }));
}

/**
 * Every distinct speaker spelling of the claims, read by hopping along Claim_speaker_idx from one spelling to the next
 * (a loose index scan: one index seek per spelling, a few hundred in a newsroom, instead of reading every claim's
 * entry, which `SELECT DISTINCT` does on both databases). Deleted claims' spellings included.
 */
const DISTINCT_SPELLINGS = Prisma.sql`
  WITH RECURSIVE spelling("speaker") AS (
    SELECT MIN("speaker") FROM "Claim" WHERE "speaker" IS NOT NULL
    UNION ALL
    SELECT (SELECT MIN(c."speaker") FROM "Claim" AS c WHERE c."speaker" > spelling."speaker")
    FROM spelling WHERE spelling."speaker" IS NOT NULL
  )
  SELECT "speaker" FROM spelling WHERE "speaker" IS NOT NULL`;
const IS_UNALIASED = Prisma.sql`NOT EXISTS (SELECT 1 FROM "SpeakerAlias" AS a WHERE a."name" = s."speaker")`;

/** Rows of a createMany bind several values each: batches of 250 keep them under SQLite's 999 (see batchesOf). */
const BATCH = 250;

/**
 * Serialises writers of speakers and aliases until the transaction ends: SQLite has one writer already; PostgreSQL
 * takes a transaction-scoped advisory lock, so two requests never both give a new spelling a speaker.
 */
export async function lockSpeakers(tx: DbClient): Promise<void> {
  if (isPostgres(tx)) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('factmark:speakers'))`;
}

/**
 * Gives each new spelling an alias: joined to the speaker that already has an alias with the same speakerNameKey
 * (other than `apartFrom`, a speaker the spellings were just taken from), else to a new speaker named by the spelling
 * most claims use among the new ones of that key. The caller holds lockSpeakers. Answers how many aliases it added.
 */
export async function addAliasesForSpellings(
  tx: DbClient,
  spellings: { name: string; claimCount: number }[],
  apartFrom?: string,
): Promise<number> {
  if (spellings.length === 0) return 0;
  const byKey = new Map<string, { name: string; claimCount: number }[]>();
  for (const spelling of spellings) {
    const key = speakerNameKey(spelling.name);
    byKey.set(key, [...(byKey.get(key) ?? []), spelling]);
  }
  const speakerOfKey = new Map<string, string>();
  for (const keys of batchesOf([...byKey.keys()], BATCH)) {
    const existing = await tx.speakerAlias.findMany({
      where: { key: { in: keys }, ...(apartFrom ? { speakerId: { not: apartFrom } } : {}) },
      select: { key: true, speakerId: true },
      orderBy: { name: "asc" },
    });
    for (const alias of existing) if (!speakerOfKey.has(alias.key)) speakerOfKey.set(alias.key, alias.speakerId);
  }
  const newSpeakers: { id: string; name: string }[] = [];
  const aliases: { name: string; key: string; speakerId: string }[] = [];
  for (const [key, group] of byKey) {
    let speakerId = speakerOfKey.get(key);
    if (!speakerId) {
      const [named] = [...group].sort(
        (left, right) => right.claimCount - left.claimCount || left.name.localeCompare(right.name),
      );
      speakerId = timeOrderedId();
      newSpeakers.push({ id: speakerId, name: named?.name ?? key });
    }
    for (const spelling of group) aliases.push({ name: spelling.name, key, speakerId });
  }
  for (const batch of batchesOf(newSpeakers, BATCH)) await tx.speaker.createMany({ data: batch });
  for (const batch of batchesOf(aliases, BATCH)) await tx.speakerAlias.createMany({ data: batch });
  return aliases.length;
}

const ALIASES_A_TO_Z = { aliases: { select: { name: true }, orderBy: { name: "asc" } } } as const;

function toSpeakerRow(row: { id: string; name: string; kind: string | null; aliases: { name: string }[] }): SpeakerRow {
  return { id: row.id, name: row.name, kind: row.kind, aliases: row.aliases.map((alias) => alias.name) };
}

/** A speaker with its aliases; null when there is none with that id. */
export async function findSpeaker(db: DbClient, id: string): Promise<SpeakerRow | null> {
  const row = await db.speaker.findUnique({ where: { id }, include: ALIASES_A_TO_Z });
  return row ? toSpeakerRow(row) : null;
}

/**
 * The speakers, each with its aliases; with `folded` (a speakerNameKey), only those with an alias whose key contains
 * it, so "amir abd" finds "Hossein Amir-Abdollahian".
 */
export async function listSpeakerRows(db: DbClient, folded?: string): Promise<SpeakerRow[]> {
  const rows = await db.speaker.findMany({
    where: folded ? { aliases: { some: { key: { contains: folded } } } } : {},
    include: ALIASES_A_TO_Z,
  });
  return rows.map(toSpeakerRow);
}

/** A spelling's live claims per verdict: the record of every speaker is summed from these. */
export interface SpellingVerdictCount {
  speaker: string;
  verdict: string;
  claimCount: number;
  lastClaimAt: Date | null;
}

/** Live claims of live articles per (spelling, verdict), with the newest claim's creation. */
export async function countLiveClaimsBySpelling(db: DbClient): Promise<SpellingVerdictCount[]> {
  const groups = await db.claim.groupBy({
    by: ["speaker", "verdict"],
    where: { deletedAt: null, speaker: { not: null }, article: { deletedAt: null } },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  return groups.flatMap((group) =>
    group.speaker === null
      ? []
      : [
          {
            speaker: group.speaker,
            verdict: group.verdict,
            claimCount: group._count._all,
            lastClaimAt: group._max.createdAt,
          },
        ],
  );
}

/**
 * Which live articles have a live claim in each spelling: pairs of spelling and article. Grouped without a join (the
 * join with the articles and the aliases costs several times more on a big archive); articles deleted are left out
 * here, from their short list.
 */
export async function listSpellingsInLiveArticles(db: DbClient): Promise<{ speaker: string; articleId: string }[]> {
  const [pairs, deleted] = await Promise.all([
    db.$queryRaw<{ speaker: string; articleId: string }[]>`
      SELECT c."speaker" AS "speaker", c."articleId" AS "articleId" FROM "Claim" AS c
      WHERE c."deletedAt" IS NULL AND c."speaker" IS NOT NULL
      GROUP BY c."speaker", c."articleId"`,
    db.article.findMany({ where: { deletedAt: { not: null } }, select: { id: true } }),
  ]);
  const deletedIds = new Set(deleted.map((article) => article.id));
  return pairs.filter((pair) => !deletedIds.has(pair.articleId));
}

/** A live claim of a live article by one of a speaker's spellings, with its article and whether it is published. */
export interface SpeakerClaimRow {
  id: string;
  quote: string;
  verdict: string;
  speaker: string;
  createdAt: Date;
  article: { id: string; title: string; isPublished: boolean };
}

/** The live claims of live articles whose speaker is one of `spellings`, newest first. */
export async function listLiveClaimsBySpellings(db: DbClient, spellings: string[]): Promise<SpeakerClaimRow[]> {
  const claims = [];
  for (const batch of batchesOf(spellings, BATCH)) claims.push(...(await findLiveClaimsBySpellings(db, batch)));
  claims.sort((left, right) => right.createdAt.getTime() - left.createdAt.getTime() || (left.id < right.id ? 1 : -1));
  return claims;
}

async function findLiveClaimsBySpellings(db: DbClient, spellings: string[]): Promise<SpeakerClaimRow[]> {
  const claims = await db.claim.findMany({
    where: { deletedAt: null, speaker: { in: spellings }, article: { deletedAt: null } },
    select: {
      id: true,
      exact: true,
      verdict: true,
      speaker: true,
      createdAt: true,
      article: {
        select: {
          id: true,
          title: true,
          publications: { orderBy: { version: "desc" }, take: 1, select: { retractedAt: true } },
        },
      },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return claims.map((claim) => ({
    id: claim.id,
    quote: claim.exact,
    verdict: claim.verdict,
    speaker: claim.speaker ?? "",
    createdAt: claim.createdAt,
    article: {
      id: claim.article.id,
      title: claim.article.title,
      isPublished: claim.article.publications.some((publication) => publication.retractedAt === null),
    },
  }));
}

/**
 * The speakers holding each of these spellings, by spelling: those with an alias that folds to the same
 * speakerNameKey, which is where a new claim so spelt would join (not only the exact spelling).
 */
export async function findHoldersOfAliases(db: DbClient, names: string[]): Promise<Map<string, SpeakerRow[]>> {
  if (names.length === 0) return new Map();
  const keys = [...new Set(names.map(speakerNameKey))];
  const aliases = await db.speakerAlias.findMany({
    where: { key: { in: keys } },
    select: { key: true, speaker: { include: ALIASES_A_TO_Z } },
  });
  const holders = new Map<string, SpeakerRow[]>();
  for (const name of names) {
    const key = speakerNameKey(name);
    const found = aliases.filter((alias) => alias.key === key).map((alias) => toSpeakerRow(alias.speaker));
    if (found.length > 0) holders.set(name, found);
  }
  return holders;
}

/** Of these spellings, those some claim (live or deleted) uses. */
export async function findSpellingsInUse(db: DbClient, spellings: string[]): Promise<string[]> {
  const used: string[] = [];
  for (const batch of batchesOf(spellings, BATCH)) {
    const groups = await db.claim.groupBy({ by: ["speaker"], where: { speaker: { in: batch } } });
    for (const group of groups) if (group.speaker !== null) used.push(group.speaker);
  }
  return used;
}

/**
 * Writes a speaker's name, kind and aliases: aliases not in `aliases` are removed, new ones added (keyed by
 * speakerNameKey). The caller holds lockSpeakers and has checked no other speaker holds a new alias.
 */
export async function writeSpeaker(
  tx: DbClient,
  id: string,
  change: { name: string; kind: string | null; aliases: string[] },
  at: Date,
): Promise<void> {
  await tx.speaker.update({ where: { id }, data: { name: change.name, kind: change.kind, updatedAt: at } });
  await tx.speakerAlias.deleteMany({ where: { speakerId: id, name: { notIn: change.aliases } } });
  const held = new Set(
    (await tx.speakerAlias.findMany({ where: { speakerId: id }, select: { name: true } })).map((alias) => alias.name),
  );
  const added = change.aliases.filter((name) => !held.has(name));
  if (added.length > 0) {
    await tx.speakerAlias.createMany({
      data: added.map((name) => ({ name, key: speakerNameKey(name), speakerId: id })),
    });
  }
}

/**
 * `from`'s aliases become `into`'s and `from` is deleted; `into` keeps its kind, or takes `from`'s when it has none.
 * The caller holds lockSpeakers.
 */
export async function mergeSpeakerRows(tx: DbClient, from: SpeakerRow, into: SpeakerRow, at: Date): Promise<void> {
  await tx.speakerAlias.updateMany({ where: { speakerId: from.id }, data: { speakerId: into.id } });
  await tx.speaker.update({ where: { id: into.id }, data: { kind: into.kind ?? from.kind, updatedAt: at } });
  await tx.speaker.delete({ where: { id: from.id } });
}

/**
 * The newsroom's kind for each of these spellings: of the speaker with that exact alias, else of one whose alias has
 * the same speakerNameKey (a spelling not yet given an alias joins that speaker when it is). Spellings whose speaker
 * has no kind are left out.
 */
export async function findKindsOfSpellings(db: DbClient, spellings: string[]): Promise<Map<string, string>> {
  const kinds = new Map<string, string>();
  if (spellings.length === 0) return kinds;
  const found = new Set<string>();
  for (const batch of batchesOf(spellings, BATCH)) {
    const exact = await db.speakerAlias.findMany({
      where: { name: { in: batch } },
      select: { name: true, speaker: { select: { kind: true } } },
    });
    for (const alias of exact) {
      found.add(alias.name);
      if (alias.speaker.kind) kinds.set(alias.name, alias.speaker.kind);
    }
  }
  const rest = spellings.filter((name) => !found.has(name));
  const kindOfKey = new Map<string, string | null>();
  for (const batch of batchesOf([...new Set(rest.map(speakerNameKey))], BATCH)) {
    const byKey = await db.speakerAlias.findMany({
      where: { key: { in: batch } },
      select: { key: true, speaker: { select: { kind: true } } },
      orderBy: { name: "asc" },
    });
    for (const alias of byKey) if (!kindOfKey.has(alias.key)) kindOfKey.set(alias.key, alias.speaker.kind);
  }
  for (const name of rest) {
    const kind = kindOfKey.get(speakerNameKey(name));
    if (kind) kinds.set(name, kind);
  }
  return kinds;
}

/** When any speaker last changed (its name, kind or aliases); null before there is one. */
export async function findSpeakersLastChange(db: DbClient): Promise<Date | null> {
  return (await db.speaker.aggregate({ _max: { updatedAt: true } }))._max.updatedAt;
}
