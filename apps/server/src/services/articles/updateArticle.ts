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
import type { Db } from "../../db/createDatabase";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { reanchorArticleClaims } from "../../domain/reanchorArticleClaims";
import { authorize } from "../../policy/authorize";
import { findArticle, insertArticleEvent, updateArticleIfVersion } from "../../repositories/articleRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";

/**
 * Changes an article's metadata and/or its body, its conclusion and/or its speakers' kinds, if the caller read the
 * current version. A new body (`doc`, already checked against the editor's schema) is stored with its text
 * projection, and every claim is re-anchored in the same transaction; the answer says how they fared. The
 * conclusion (null clears it) and the speakers' kinds (merged; a name mapped to null is forgotten) need
 * article.conclude, and are recorded only when they change: a request that changes nothing stores nothing and
 * answers the article as it is. FORBIDDEN, NOT_FOUND, PRECONDITION_FAILED (412, with the current article).
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
  return db.$transaction(async (tx) => {
    // The article's change lock first, as every writer of the article takes it: no claim is placed on
    // the old text while this save re-anchors the others. (A save that got in meanwhile fails the version check.)
    await lockArticleForChanges(tx, id);
    const current = await findArticle(tx, id);
    if (!current) throw new AppError("NOT_FOUND", `No article with id "${id}".`);
    if (current.version !== expectedVersion) throw preconditionFailed("article", current);
    const { conclusionChange, kindsChange, events: conclusionEvents } = conclusionChangesOf(current, input);
    if (!isEditingArticle && conclusionEvents.length === 0) return current;
    const text = doc ? articleText(doc) : undefined;
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
      text === undefined ? undefined : await reanchorArticleClaims(tx, actor, id, current.text, text, new Date());
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
  }, TRANSACTION_OPTIONS);
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
