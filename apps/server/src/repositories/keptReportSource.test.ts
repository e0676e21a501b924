import { buildReportModel, REPORT_FORMATS, type ReportFormat, reportHistoryFor } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { renderReportFile } from "../report/reportFormats";
import { updateClaim } from "../services/claims/updateClaim";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { buildEvidence } from "../test/buildEvidence";
import { buildLink } from "../test/buildLink";
import { createTestApp } from "../test/createTestApp";
import { ARTICLE_CHANGE_KINDS, SeededArticleChanges } from "../test/seededArticleChanges";
import { SEED_ADMIN } from "./accountRepository";
import { findKeptReportSource } from "./keptReportSource";
import { findReportSource, type ReportSource, reportDataOf } from "./reportRepository";

const { db } = await createTestApp();

/** Every format but the PDF (typeset from the same model, its bytes carry a creation time). */
const TEXT_FORMATS = REPORT_FORMATS.filter((format) => format !== "pdf") as ReportFormat[];
const decoder = new TextDecoder();

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

describe("a report read from kept parts", () => {
  it("is byte for byte the report read from scratch, in every text format, over a seeded series of changes", async () => {
    const changes = await SeededArticleChanges.start(db, 16);
    await expectKeptAsFromScratch(changes.articleId, changes.organisation);
    for (let step = 0; step < 60; step++) {
      await changes.step(step, ARTICLE_CHANGE_KINDS);
      // Now and then several changes before a read, so one read merges more than one change.
      if (changes.random() < 0.6) await expectKeptAsFromScratch(changes.articleId, changes.organisation);
    }
    await expectKeptAsFromScratch(changes.articleId, changes.organisation);
    // The series did change what it says it changes.
    for (const kind of ["verdict", "linkCreated", "linkRemoved", "evidenceAdded", "evidenceRemoved", "claimDeleted"]) {
      expect(changes.applied.get(kind) ?? 0, kind).toBeGreaterThan(0);
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
