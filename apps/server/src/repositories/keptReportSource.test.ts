import {
  AppError,
  buildReportModel,
  type Claim,
  plainTextToDoc,
  REPORT_FORMATS,
  type ReportFormat,
  reportHistoryFor,
  VERDICTS,
} from "@factmark/core";
import { describe, expect, it } from "vitest";
import { renderReportFile } from "../report/reportFormats";
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
import { buildLink } from "../test/buildLink";
import { createTestApp } from "../test/createTestApp";
import { SEED_ADMIN } from "./accountRepository";
import { findKeptReportSource } from "./keptReportSource";
import { findReportSource, type ReportSource, reportDataOf } from "./reportRepository";

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

/** Each text format of the report built from `source`, as the worker builds it (the model, then the file). */
async function reportFiles(source: ReportSource, organisation: { name: string; url: string }) {
  const files: Record<string, string> = {};
  for (const format of TEXT_FORMATS) {
    const model = buildReportModel(
      { ...reportDataOf(source), organisation, generatedAt: "2026-12-02T05:00:00.000Z" },
      { history: reportHistoryFor(format, "include") },
    );
    files[format] = decoder.decode(await renderReportFile(format, model));
  }
  return files;
}

async function expectKeptAsFromScratch(articleId: string, organisation: { name: string; url: string }) {
  const kept = await findKeptReportSource(db, articleId);
  const scratch = await findReportSource(db, articleId);
  if (!kept || !scratch) throw new Error("The article is gone.");
  expect(JSON.stringify(kept.data)).toBe(JSON.stringify(scratch.data));
  expect(kept.docJson).toBe(scratch.docJson);
  expect(await reportFiles(kept, organisation)).toEqual(await reportFiles(scratch, organisation));
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

async function liveClaims(articleId: string): Promise<Claim[]> {
  return (await findReportSource(db, articleId))?.data.claims ?? [];
}

describe("a report read from kept parts", () => {
  it("is byte for byte the report read from scratch, in every text format, over a seeded series of changes", async () => {
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
    await expectKeptAsFromScratch(article.id, organisation);

    for (let step = 0; step < 60; step++) {
      const claims = await liveClaims(article.id);
      const source = await findReportSource(db, article.id);
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
            // A new claim on a sentence's later words: a quote of its own, numbered among the others.
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
            // Every name the report shows of the reviewer (history, evidence, links) changes with it.
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
        }
      });
      if (isApplied) applied.set(kind, (applied.get(kind) ?? 0) + 1);
      // Now and then several changes before a read, so one read merges more than one change.
      if (random() < 0.6) await expectKeptAsFromScratch(article.id, organisation);
    }
    await expectKeptAsFromScratch(article.id, organisation);
    // The series did change what it says it changes.
    for (const kind of ["verdict", "linkCreated", "linkRemoved", "evidenceAdded", "evidenceRemoved", "claimDeleted"]) {
      expect(applied.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
  }, 120_000);

  it("keeps what did not change: after one claim's change, the other claims' evidence and history are the same objects", async () => {
    const article = await buildArticle(db);
    const first = await buildClaim(db, article, "a limited number of drones");
    const second = await buildClaim(db, article, "transferred dozens just this summer");
    await buildEvidence(db, first);
    await buildLink(db, first, second, "supports");
    const before = await findKeptReportSource(db, article.id);
    await updateClaim(db, SEED_ADMIN, second.id, second.version, { rationale: "Changed." });
    const after = await findKeptReportSource(db, article.id);
    expect(after?.data.evidence[0]).toBe(before?.data.evidence[0]);
    expect(after?.data.links[0]).toBe(before?.data.links[0]);
    expect(after?.data.events.slice(0, before?.data.events.length)).toEqual(before?.data.events);
    expect(after?.data.events[0]).toBe(before?.data.events[0]);
    expect(after?.data.claims.find((claim) => claim.id === second.id)?.rationale).toBe("Changed.");
  });
});
