import { z } from "zod";
import { REANCHOR_THRESHOLDS, type SearchBudget } from "../anchoring/reanchor";
import { placeForeignSelectors } from "../interop/placeForeignSelectors";
import { describeUnreadPage, readAnnotationDocument, TOO_DEEP_REASON } from "../interop/readAnnotationDocument";
import { readForeignAnnotation } from "../interop/readForeignAnnotation";
import { ARTICLE_LIMITS } from "../schemas/article";
import { ZHttpUrl, ZOptionalLine, ZTimestamp, ZUserText } from "../schemas/common";
import type { DocNode } from "../text/articleText";
import { codePointOffsets } from "../text/codePointOffsets";
import {
  assembleImportedReport,
  type ClaimToImport,
  type EvidenceToImport,
  type LinkToImport,
} from "./assembleImportedReport";
import { ANNOTATION_CONTEXT } from "./buildWebAnnotation";
import { IMPORT_LIMITS, type ImportedReport } from "./ImportedReport";
import { type ImportIssue, importValidationError, issuesFromZod } from "./importValidationError";

const WHAT = "Not a Web Annotation collection Factmark can import";

const ZCollection = z.looseObject({
  "@context": z.union(
    [z.literal(ANNOTATION_CONTEXT), z.array(z.unknown()).refine((items) => items.includes(ANNOTATION_CONTEXT))],
    { error: `"@context" must be "${ANNOTATION_CONTEXT}".` },
  ),
  type: z.literal("AnnotationCollection", { error: '"type" must be "AnnotationCollection".' }),
  "schema:about": z.looseObject(
    {
      "schema:headline": ZUserText(ARTICLE_LIMITS.titleLength).trim().min(1, "Give the article a title."),
      "schema:url": ZHttpUrl.optional(),
      "schema:publisher": ZOptionalLine(200),
      "schema:author": ZOptionalLine(200),
      "schema:datePublished": z.union([z.iso.date(), ZTimestamp]).optional(),
      "schema:text": ZUserText(ARTICLE_LIMITS.contentLength),
    },
    {
      error:
        'The collection does not describe the article under "schema:about" (headline and text), as a Factmark export does; without the text the claims cannot be placed. To add foreign annotations to an article already in Factmark, use POST /api/articles/{id}/annotations/import.',
    },
  ),
  first: z.looseObject(
    { items: z.array(z.unknown()).max(IMPORT_LIMITS.claims + IMPORT_LIMITS.links) },
    { error: 'The collection must embed its annotations in its "first" page ("first": {"items": [...]}).' },
  ),
});

/**
 * Reads a W3C Web Annotation collection that describes its article (`schema:about` with headline and text, as
 * buildWebAnnotation writes it) into what an import re-creates: the article, one paragraph per line of its text, and
 * its claims, evidence and links. Each annotation is read as readForeignAnnotation reads any producer's (Factmark's
 * `verdict`, `speaker`, `stance`, `linkKind`/`linkFrom`/`linkTo`; `assessing`, `describing`, `commenting`,
 * `tagging` bodies; `bodyValue`; `creator` and `created` as each item's origin), embedded `next` pages included.
 * Positions count code points; where a position and its quote disagree the quote wins (placeForeignSelectors), and a
 * quote no longer in the text, or an annotation marked `orphaned` (as buildWebAnnotation marks an orphaned claim),
 * comes in as an orphaned claim. Every walk over the document is iterative or bounded (readAnnotationDocument's
 * MAX_ANNOTATION_DEPTH, foreignSelectors' MAX_REFINEMENT_DEPTH). The collection is all or nothing: anything it cannot
 * take (a skipped annotation, a page given only by address) refuses the whole import with an AppError naming each
 * item — VALIDATION_FAILED for its shape, UNPROCESSABLE for parts that do not fit together.
 */
export function parseWebAnnotation(collection: unknown): ImportedReport {
  const parsed = ZCollection.safeParse(collection);
  if (!parsed.success) throw importValidationError(WHAT, issuesFromZod(parsed.error));
  const about = parsed.data["schema:about"];
  const text = about["schema:text"];
  const offsets = codePointOffsets(text);
  const searchBudget: SearchBudget = { remaining: REANCHOR_THRESHOLDS.maxSearchCostPerSave };
  const issues: ImportIssue[] = [];
  const unplaced: ImportIssue[] = [];
  const claims: ClaimToImport[] = [];
  const evidence: EvidenceToImport[] = [];
  const links: LinkToImport[] = [];

  for (const entry of readAnnotationDocument(collection)) {
    const { path } = entry;
    if ("unreadPage" in entry) {
      issues.push({ path, message: describeUnreadPage(entry.unreadPage) });
      continue;
    }
    if ("tooDeep" in entry) {
      issues.push({ path, message: TOO_DEEP_REASON });
      continue;
    }
    const read = readForeignAnnotation(entry.annotation);
    if (read.kind === "skipped") {
      issues.push({ path, message: read.reason });
      continue;
    }
    // All or nothing: evidence an import onto an article would leave out refuses the collection here.
    const problems = read.kind === "claim" ? [...read.problems, ...read.evidenceProblems] : read.problems;
    for (const problem of problems) issues.push({ path: `${path}.${problem.path}`, message: problem.message });
    if (problems.length > 0) continue;
    const key = read.id ?? path;
    if (read.kind === "link") {
      links.push({
        fromClaimKey: read.fromId,
        toClaimKey: read.toId,
        path,
        kind: read.linkKind,
        note: read.note,
        origin: read.origin,
      });
      continue;
    }
    const placed = placeForeignSelectors(text, read.selectors, {
      offsets,
      searchBudget,
      isMarkedOrphaned: read.isMarkedOrphaned,
    });
    if (placed.outcome === "unplaceable") {
      unplaced.push({ path, message: placed.reason });
      continue;
    }
    const { position, quote } = placed.selectors;
    claims.push({
      key,
      path,
      position,
      quote,
      verdict: read.verdict,
      speaker: read.speaker,
      rationale: read.rationale,
      isOrphaned: placed.outcome === "orphaned",
      isAnchorUnconfirmed: placed.outcome === "anchored" && placed.isAnchorUnconfirmed,
      origin: read.origin,
    });
    read.evidence.forEach((item, index) => {
      // A body is the annotation's: written by its creator, unless the body names its own.
      evidence.push({ claimKey: key, path: `${path}.body.${index}`, ...item, origin: item.origin ?? read.origin });
    });
  }
  if (claims.length > IMPORT_LIMITS.claims) {
    issues.push({ path: "first.items", message: `At most ${IMPORT_LIMITS.claims} claims can be imported at once.` });
  }
  if (issues.length > 0) throw importValidationError(WHAT, [...issues, ...unplaced]);
  if (unplaced.length > 0) throw importValidationError(WHAT, unplaced, "UNPROCESSABLE");

  return assembleImportedReport(
    WHAT,
    {
      title: about["schema:headline"],
      sourceUrl: about["schema:url"] ?? null,
      outlet: about["schema:publisher"] ?? null,
      author: about["schema:author"] ?? null,
      publishedAt: about["schema:datePublished"] ?? null,
      doc: docFromText(text),
    },
    claims,
    evidence,
    links,
  );
}

/** A document whose text projection is exactly `text`: one paragraph per line, empty lines kept. */
function docFromText(text: string): DocNode {
  return {
    type: "doc",
    content: text
      .split("\n")
      .map(
        (line): DocNode =>
          line.length > 0 ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" },
      ),
  };
}
