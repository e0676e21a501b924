import {
  buildReportModel,
  REPORT_FORMATS,
  type ReportFormat,
  type ReportHistoryOption,
  reportHistoryFor,
} from "@factmark/core";
import { describe, expect, it } from "vitest";
import { findKeptReportSource } from "../repositories/keptReportSource";
import { findReportSource, reportDataOf } from "../repositories/reportRepository";
import { createTestApp } from "../test/createTestApp";
import { ARTICLE_CHANGE_KINDS, SeededArticleChanges } from "../test/seededArticleChanges";
import { buildKeptReportFile, buildKeptReportModelJson, forgetKeptReports, reportJobSource } from "./keptReportBuilds";
import { type ReportBuildOptions, renderReportFile } from "./reportFormats";

const { db } = await createTestApp();

/** Every format but the PDF (typeset from the same model, its bytes carry a creation time). */
const TEXT_FORMATS = REPORT_FORMATS.filter((format) => format !== "pdf") as ReportFormat[];
const decoder = new TextDecoder();

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

describe("a report built from what a thread kept of the article", () => {
  it("is byte for byte the report built from scratch, in every text format, over a seeded series of changes", async () => {
    const changes = await SeededArticleChanges.start(db, 16);
    let history: ReportHistoryOption = "include";
    let minute = 0;
    const at = () => `2026-12-02T05:${String(minute % 60).padStart(2, "0")}:00.000Z`;
    forgetKeptReports();
    await expectKeptBuildsAsFromScratch(changes.articleId, history, at(), changes.organisation);

    const kinds = [...ARTICLE_CHANGE_KINDS, "historyToggled", "threadWithout"] as const;
    for (let step = 0; step < 100; step++) {
      await changes.step(step, kinds, (kind) => {
        if (kind === "historyToggled") history = history === "include" ? "omit" : "include";
        // The next job lands on a thread that has not built this article: it builds it whole.
        if (kind === "threadWithout") forgetKeptReports();
      });
      // Every report says when it was made: most builds are made at another time than the one before.
      if (changes.random() < 0.7) minute += 1;
      // Now and then several changes before a build, so one build follows more than one change.
      if (changes.random() < 0.6) {
        await expectKeptBuildsAsFromScratch(changes.articleId, history, at(), changes.organisation);
      }
    }
    await expectKeptBuildsAsFromScratch(changes.articleId, history, at(), changes.organisation);
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
      expect(changes.applied.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
  }, 180_000);
});
