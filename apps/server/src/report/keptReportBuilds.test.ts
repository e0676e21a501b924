import {
  AppError,
  buildReportModel,
  type Claim,
  plainTextToDoc,
  REPORT_FORMATS,
  type ReportFormat,
  type ReportHistoryOption,
  reportHistoryFor,
  VERDICTS,
} from "@factmark/core";
import { describe, expect, it } from "vitest";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { findKeptReportSource } from "../repositories/keptReportSource";
import { findReportSource, reportDataOf } from "../repositories/reportRepository";
import { updateArticle } from "../services/articles/updateArticle";
import { deleteClaim, restoreClaim } from "../services/claims/deleteClaim";
import { updateClaim } from "../services/claims/updateClaim";
import { deleteEvidence } from "../services/evidence/deleteEvidence";
import { updateEvidence } from "../services/evidence/updateEvidence";
import { createLink } from "../services/links/createLink";
import { deleteLink } from "../services/links/deleteLink";
import { renameSpeaker } from "../services/speakers/renameSpeaker";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildEvidence } from "../test/buildEvidence";
import { createTestApp } from "../test/createTestApp";
import { buildKeptReportFile, buildKeptReportModelJson, forgetKeptReports, reportJobSource } from "./keptReportBuilds";
import { type ReportBuildOptions, renderReportFile } from "./reportFormats";

const { db } = await createTestApp();

/** Every format but the PDF (typeset from the same model, its bytes carry a creation time). */
const TEXT_FORMATS = REPORT_FORMATS.filter((format) => format !== "pdf") as ReportFormat[];
const decoder = new TextDecoder();

/** A small seeded generator (mulberry32), so a failing series can be run again as it was. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SENTENCES = Array.from(
  { length: 12 },
  (_, index) => `Speaker ${index % 4} said sentence ${index} holds a claim worth checking, number ${index * 7}.`,
);

/**
 * Each text format, and the model, built the kept way (from the kept source, on what this thread kept of the
 * article) beside the same built from scratch (the source read whole, parsed anew, the model built and rendered whole).
 */
async function expectKeptBuildsAsFromScratch(
  articleId: string,
  history: ReportHistoryOption,
  at: string,
  organisation: ReportBuildOptions["organisation"],
) {
  const kept = await findKeptReportSource(db, articleId);
  const scratch = await findReportSource(db, articleId);
  if (!kept || !scratch) throw new Error("The article is gone.");
  for (const format of TEXT_FORMATS) {
    const options: ReportBuildOptions = { organisation, generatedAt: at, history: reportHistoryFor(format, history) };
    const fromScratch = await renderReportFile(
      format,
      buildReportModel({ ...reportDataOf(scratch), organisation, generatedAt: at }, { history: options.history }),
    );
    const built = await buildKeptReportFile(format, reportJobSource(kept), options);
    expect(decoder.decode(built), `${format}, history ${options.history}`).toBe(decoder.decode(fromScratch));
  }
  const options: ReportBuildOptions = { organisation, generatedAt: at, history };
  expect(decoder.decode(buildKeptReportModelJson(reportJobSource(kept), options))).toBe(
    JSON.stringify(buildReportModel({ ...reportDataOf(scratch), organisation, generatedAt: at }, { history })),
  );
}

/** Runs a change; one the services refuse (a duplicate link, a claim already deleted) is no change, and is skipped. */
async function attempt(change: () => Promise<unknown>): Promise<boolean> {
  try {
    await change();
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

async function articleVersion(id: string): Promise<number> {
  return (await db.article.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

describe("a report built from what a thread kept of the article", () => {
  it("is byte for byte the report built from scratch, in every text format, over a seeded series of changes", async () => {
    const random = seeded(16);
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
    let text = SENTENCES.join("\n");
    const article = await buildArticle(db, { content: text });
    for (const sentence of SENTENCES.slice(0, 8)) {
      await buildClaim(db, { id: article.id, text }, sentence.slice(0, 30), { speaker: sentence.slice(0, 9) });
    }
    const deleted: Claim[] = [];
    const applied = new Map<string, number>();
    let organisation = { name: "Factmark", url: "https://factmark.example" };
    let history: ReportHistoryOption = "include";
    let minute = 0;
    const at = () => `2026-12-02T05:${String(minute % 60).padStart(2, "0")}:00.000Z`;
    forgetKeptReports();
    await expectKeptBuildsAsFromScratch(article.id, history, at(), organisation);

    for (let step = 0; step < 100; step++) {
      const source = await findReportSource(db, article.id);
      const claims = source?.data.claims ?? [];
      const claim = pick(claims);
      const other = pick(claims);
      const kinds = [
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
        "historyToggled",
        "threadWithout",
      ] as const;
      const kind = pick(kinds) as (typeof kinds)[number];
      const isApplied = await attempt(async () => {
        switch (kind) {
          case "verdict":
            if (!claim) throw new AppError("NOT_FOUND", "no claim");
            return updateClaim(db, SEED_ADMIN, claim.id, claim.version, { verdict: pick(VERDICTS) ?? "supported" });
          case "rationale":
            if (!claim) throw new AppError("NOT_FOUND", "no claim");
            return updateClaim(db, SEED_ADMIN, claim.id, claim.version, { rationale: `Step ${step}: *why*, & <how>.` });
          case "quote": {
            const sentence = pick(SENTENCES) ?? "";
            if (!text.includes(sentence)) throw new AppError("NOT_FOUND", "sentence edited away");
            return buildClaim(db, { id: article.id, text }, sentence.slice(10, 40 + (step % 20)), {
              speaker: `Speaker ${step % 3}`,
            });
          }
          case "linkCreated":
            if (!claim || !other) throw new AppError("NOT_FOUND", "no claim");
            return createLink(db, SEED_ADMIN, article.id, {
              fromClaimId: claim.id,
              toClaimId: other.id,
              kind: step % 2 === 0 ? "contradicts" : "supports",
              ...(step % 3 === 0 ? { note: `Note ${step}` } : {}),
            });
          case "linkRemoved": {
            const link = pick(source?.data.links ?? []);
            if (!link) throw new AppError("NOT_FOUND", "no link");
            return deleteLink(db, SEED_ADMIN, link.id);
          }
          case "evidenceAdded":
            if (!claim) throw new AppError("NOT_FOUND", "no claim");
            return buildEvidence(db, claim, { title: `Source ${step}`, excerpt: step % 2 ? null : `Excerpt ${step}` });
          case "evidenceEdited": {
            const item = pick(source?.data.evidence ?? []);
            if (!item) throw new AppError("NOT_FOUND", "no evidence");
            return updateEvidence(db, SEED_ADMIN, item.id, item.version, { title: `Retitled ${step}` });
          }
          case "evidenceRemoved": {
            const item = pick(source?.data.evidence ?? []);
            if (!item) throw new AppError("NOT_FOUND", "no evidence");
            return deleteEvidence(db, SEED_ADMIN, item.id);
          }
          case "claimDeleted":
            if (!claim) throw new AppError("NOT_FOUND", "no claim");
            deleted.push(await deleteClaim(db, SEED_ADMIN, claim.id));
            return;
          case "claimRestored": {
            const gone = deleted.shift();
            if (!gone) throw new AppError("NOT_FOUND", "nothing deleted");
            return restoreClaim(db, SEED_ADMIN, gone.id);
          }
          case "speakerRenamed": {
            const from = claim?.speaker;
            if (!from) throw new AppError("NOT_FOUND", "no speaker");
            return renameSpeaker(db, SEED_ADMIN, article.id, { from, to: `Renamed ${step}` });
          }
          case "accountRenamed":
            // Every name the report shows of the reviewer (history, evidence, links, authors) changes with it.
            return db.account.update({ where: { id: SEED_ADMIN.id }, data: { name: `Reviewer ${step}` } });
          case "organisationChanged":
            organisation = { name: `Desk ${step}`, url: `https://desk-${step}.example/` };
            return;
          case "textEdited": {
            const index = Math.floor(random() * SENTENCES.length);
            const lines = text.split("\n");
            lines[index] = `${lines[index]} Edited at step ${step}.`;
            const edited = lines.join("\n");
            await updateArticle(db, SEED_ADMIN, article.id, await articleVersion(article.id), {
              doc: plainTextToDoc(edited),
            });
            text = edited;
            return;
          }
          case "historyToggled":
            history = history === "include" ? "omit" : "include";
            return;
          case "threadWithout":
            // The next job lands on a thread that has not built this article: it builds it whole.
            forgetKeptReports();
            return;
        }
      });
      if (isApplied) applied.set(kind, (applied.get(kind) ?? 0) + 1);
      // Every report says when it was made: most builds are made at another time than the one before.
      if (random() < 0.7) minute += 1;
      // Now and then several changes before a build, so one build follows more than one change.
      if (random() < 0.6) await expectKeptBuildsAsFromScratch(article.id, history, at(), organisation);
    }
    await expectKeptBuildsAsFromScratch(article.id, history, at(), organisation);
    for (const kind of [
      "verdict",
      "rationale",
      "linkCreated",
      "evidenceAdded",
      "claimDeleted",
      "accountRenamed",
      "organisationChanged",
      "textEdited",
      "historyToggled",
    ]) {
      expect(applied.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
  }, 180_000);
});
