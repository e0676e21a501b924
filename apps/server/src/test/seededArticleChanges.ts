import { AppError, type Claim, plainTextToDoc, VERDICTS } from "@factmark/core";
import { seededRandom } from "../../../../packages/core/src/testing/seededRandom";
import type { Db } from "../db/createDatabase";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { findReportSource } from "../repositories/reportRepository";
import { updateArticle } from "../services/articles/updateArticle";
import { deleteClaim, restoreClaim } from "../services/claims/deleteClaim";
import { updateClaim } from "../services/claims/updateClaim";
import { deleteEvidence } from "../services/evidence/deleteEvidence";
import { updateEvidence } from "../services/evidence/updateEvidence";
import { createLink } from "../services/links/createLink";
import { deleteLink } from "../services/links/deleteLink";
import { renameSpeaker } from "../services/speakers/renameSpeaker";
import { buildArticle } from "./buildArticle";
import { buildClaim } from "./buildClaim";
import { buildEvidence } from "./buildEvidence";

/** Every kind of change that can move what a report of the article shows. */
export const ARTICLE_CHANGE_KINDS = [
  "verdict",
  "rationale",
  "quote",
  "linkCreated",
  "linkRemoved",
  "evidenceAdded",
  "evidenceEdited",
  "evidenceRemoved",
  "claimDeleted",
  "claimRestored",
  "speakerRenamed",
  "accountRenamed",
  "organisationChanged",
  "textEdited",
] as const;

export type ArticleChangeKind = (typeof ARTICLE_CHANGE_KINDS)[number];

const SENTENCES = Array.from(
  { length: 12 },
  (_, index) => `Speaker ${index % 4} said sentence ${index} holds a claim worth checking, number ${index * 7}.`,
);

/**
 * One article (12 sentences, a claim on each of the first 8) and a seeded series of changes to it through the
 * services, of every kind in ARTICLE_CHANGE_KINDS and of the caller's own: each step picks a claim, another claim
 * and a kind, in that order, from the seed, so a failing series runs again as it was. A change the services refuse
 * (a duplicate link, a claim already deleted, nothing to remove) is no change and is not counted. For the tests that
 * hold a kept copy (of the report's source, of its builds) to one made from scratch after every kind of change.
 */
export class SeededArticleChanges {
  /** The article's text now (textEdited appends to a sentence). */
  text = SENTENCES.join("\n");
  /** The organisation a report is published by now (organisationChanged moves it; no database row). */
  organisation = { name: "Factmark", url: "https://factmark.example" };
  /** How many changes of each kind were made (refused ones not counted). */
  readonly applied = new Map<string, number>();
  readonly random: () => number;
  private readonly deleted: Claim[] = [];

  private constructor(
    private readonly db: Db,
    readonly articleId: string,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  /** The article, made with its 8 claims. */
  static async start(db: Db, seed: number): Promise<SeededArticleChanges> {
    const text = SENTENCES.join("\n");
    const article = await buildArticle(db, { content: text });
    for (const sentence of SENTENCES.slice(0, 8)) {
      await buildClaim(db, { id: article.id, text }, sentence.slice(0, 30), { speaker: sentence.slice(0, 9) });
    }
    return new SeededArticleChanges(db, article.id, seed);
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items[Math.floor(this.random() * items.length)];
  }

  /**
   * Step `step` of the series: a kind picked from `kinds`, made (one of ARTICLE_CHANGE_KINDS here, any other by
   * `own`), and counted when the services took it. Answers the kind picked.
   */
  async step<K extends string>(step: number, kinds: readonly K[], own?: (kind: K) => unknown): Promise<K> {
    const source = await findReportSource(this.db, this.articleId);
    const claims = source?.data.claims ?? [];
    const claim = this.pick(claims);
    const other = this.pick(claims);
    const kind = this.pick(kinds) as K;
    const isKnown = (ARTICLE_CHANGE_KINDS as readonly string[]).includes(kind);
    try {
      if (isKnown) {
        await this.make(kind as ArticleChangeKind, step, claim, other, source);
      } else {
        await own?.(kind);
      }
      this.applied.set(kind, (this.applied.get(kind) ?? 0) + 1);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
    return kind;
  }

  private async make(
    kind: ArticleChangeKind,
    step: number,
    claim: Claim | undefined,
    other: Claim | undefined,
    source: Awaited<ReturnType<typeof findReportSource>>,
  ): Promise<unknown> {
    const { db } = this;
    switch (kind) {
      case "verdict":
        if (!claim) throw new AppError("NOT_FOUND", "no claim");
        return updateClaim(db, SEED_ADMIN, claim.id, claim.version, { verdict: this.pick(VERDICTS) ?? "supported" });
      case "rationale":
        if (!claim) throw new AppError("NOT_FOUND", "no claim");
        return updateClaim(db, SEED_ADMIN, claim.id, claim.version, { rationale: `Step ${step}: *why*, & <how>.` });
      case "quote": {
        // A new claim on a sentence's later words: a quote of its own, numbered among the others.
        const sentence = this.pick(SENTENCES) ?? "";
        if (!this.text.includes(sentence)) throw new AppError("NOT_FOUND", "sentence edited away");
        return buildClaim(db, { id: this.articleId, text: this.text }, sentence.slice(10, 40 + (step % 20)), {
          speaker: `Speaker ${step % 3}`,
        });
      }
      case "linkCreated":
        if (!claim || !other) throw new AppError("NOT_FOUND", "no claim");
        return createLink(db, SEED_ADMIN, this.articleId, {
          fromClaimId: claim.id,
          toClaimId: other.id,
          kind: step % 2 === 0 ? "contradicts" : "supports",
          ...(step % 3 === 0 ? { note: `Note ${step}` } : {}),
        });
      case "linkRemoved": {
        const link = this.pick(source?.data.links ?? []);
        if (!link) throw new AppError("NOT_FOUND", "no link");
        return deleteLink(db, SEED_ADMIN, link.id);
      }
      case "evidenceAdded":
        if (!claim) throw new AppError("NOT_FOUND", "no claim");
        return buildEvidence(db, claim, { title: `Source ${step}`, excerpt: step % 2 ? null : `Excerpt ${step}` });
      case "evidenceEdited": {
        const item = this.pick(source?.data.evidence ?? []);
        if (!item) throw new AppError("NOT_FOUND", "no evidence");
        return updateEvidence(db, SEED_ADMIN, item.id, item.version, { title: `Retitled ${step}` });
      }
      case "evidenceRemoved": {
        const item = this.pick(source?.data.evidence ?? []);
        if (!item) throw new AppError("NOT_FOUND", "no evidence");
        return deleteEvidence(db, SEED_ADMIN, item.id);
      }
      case "claimDeleted":
        if (!claim) throw new AppError("NOT_FOUND", "no claim");
        this.deleted.push(await deleteClaim(db, SEED_ADMIN, claim.id));
        return;
      case "claimRestored": {
        const gone = this.deleted.shift();
        if (!gone) throw new AppError("NOT_FOUND", "nothing deleted");
        return restoreClaim(db, SEED_ADMIN, gone.id);
      }
      case "speakerRenamed": {
        const from = claim?.speaker;
        if (!from) throw new AppError("NOT_FOUND", "no speaker");
        return renameSpeaker(db, SEED_ADMIN, this.articleId, { from, to: `Renamed ${step}` });
      }
      case "accountRenamed":
        // Every name the report shows of the reviewer (history, evidence, links, authors) changes with it.
        return db.account.update({ where: { id: SEED_ADMIN.id }, data: { name: `Reviewer ${step}` } });
      case "organisationChanged":
        this.organisation = { name: `Desk ${step}`, url: `https://desk-${step}.example/` };
        return;
      case "textEdited": {
        const index = Math.floor(this.random() * SENTENCES.length);
        const lines = this.text.split("\n");
        lines[index] = `${lines[index]} Edited at step ${step}.`;
        const edited = lines.join("\n");
        const { version } = await db.article.findUniqueOrThrow({
          where: { id: this.articleId },
          select: { version: true },
        });
        await updateArticle(db, SEED_ADMIN, this.articleId, version, { doc: plainTextToDoc(edited) });
        this.text = edited;
        return;
      }
    }
  }
}
