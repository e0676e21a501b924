import { z } from "zod";
import { ARTICLE_LIMITS, ZArticleDoc } from "../schemas/article";
import { CLAIM_LIMITS, ZRationale, ZSpeaker } from "../schemas/claim";
import { ZHttpUrl, ZOptionalLine, ZTimestamp, ZUserText } from "../schemas/common";
import { ZEvidenceStance } from "../schemas/evidence";
import { ZLinkKind } from "../schemas/link";
import { ZVerdict } from "../schemas/verdict";
import type { DocNode } from "../text/articleText";
import { assembleImportedReport } from "./assembleImportedReport";
import { NATIVE_REPORT_FORMAT, NATIVE_REPORT_SCHEMA_VERSION } from "./buildNativeJson";
import { IMPORT_LIMITS, type ImportedReport } from "./ImportedReport";
import { importValidationError, issuesFromZod } from "./importValidationError";

const WHAT = "Not a valid Factmark JSON export";

const ZKey = z.string().min(1).max(64);

/** Each level of a Tiptap document is two levels of JSON (a node and its content array), plus the wrapping. */
const MAX_JSON_DEPTH = 2 * ARTICLE_LIMITS.docDepth + 8;

/** What an import reads from a native export; ids, versions and timestamps are read only to connect the parts. */
const ZNativeImport = z.object({
  format: z.literal(NATIVE_REPORT_FORMAT, { error: `"format" must be "${NATIVE_REPORT_FORMAT}".` }),
  schemaVersion: z.literal(NATIVE_REPORT_SCHEMA_VERSION, {
    error: `"schemaVersion" must be ${NATIVE_REPORT_SCHEMA_VERSION}; this Factmark reads no other version.`,
  }),
  article: z.object({
    title: ZUserText(ARTICLE_LIMITS.titleLength).trim().min(1, "Give the article a title."),
    sourceUrl: ZHttpUrl.nullable().optional(),
    outlet: ZOptionalLine(200),
    author: ZOptionalLine(200),
    publishedAt: z.union([z.iso.date(), ZTimestamp]).nullable().optional(),
    // The editor's schema, as for a pasted or edited document: no unknown nodes, marks or attributes.
    doc: ZArticleDoc,
  }),
  claims: z
    .array(
      z.object({
        id: ZKey,
        selectors: z.object({
          position: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }),
          quote: z.object({
            exact: ZUserText(CLAIM_LIMITS.quoteLength),
            prefix: ZUserText(CLAIM_LIMITS.contextLength).optional(),
            suffix: ZUserText(CLAIM_LIMITS.contextLength).optional(),
          }),
        }),
        verdict: ZVerdict,
        speaker: ZSpeaker.optional(),
        rationale: ZRationale.optional(),
        isOrphaned: z.boolean().optional(),
        isAnchorUnconfirmed: z.boolean().optional(),
      }),
    )
    .max(IMPORT_LIMITS.claims),
  evidence: z
    .array(
      z.object({
        claimId: ZKey,
        url: ZHttpUrl,
        title: ZOptionalLine(500),
        excerpt: ZUserText(5000).nullable().optional(),
        stance: ZEvidenceStance,
      }),
    )
    .max(IMPORT_LIMITS.evidence)
    .optional(),
  links: z
    .array(
      z.object({
        fromClaimId: ZKey,
        toClaimId: ZKey,
        kind: ZLinkKind,
        note: ZUserText(2000).nullable().optional(),
      }),
    )
    .max(IMPORT_LIMITS.links)
    .optional(),
});

/**
 * Reads a native JSON export (as buildNativeJson writes it) back into what an import re-creates.
 * Throws an AppError naming what is wrong: VALIDATION_FAILED for a wrong shape, UNPROCESSABLE for parts that do
 * not fit together (a quote that is not at its position, evidence for a claim that is not there).
 */
export function parseNativeJson(document: unknown): ImportedReport {
  if (documentDepth(document) > MAX_JSON_DEPTH) {
    throw importValidationError(WHAT, [
      { path: "article.doc", message: `The document nests deeper than ${ARTICLE_LIMITS.docDepth} levels.` },
    ]);
  }
  const parsed = ZNativeImport.safeParse(document);
  if (!parsed.success) throw importValidationError(WHAT, issuesFromZod(parsed.error));
  // The editor's schema drops attributes it does not know (an editor may send some); a document that has them was
  // not exported by Factmark, so it is refused whole rather than stored as something other than what was sent.
  const dropped = droppedKeys((document as { article: { doc: unknown } }).article.doc, parsed.data.article.doc);
  if (dropped.length > 0) {
    throw importValidationError(
      WHAT,
      dropped.map((path) => ({
        path: `article.doc.${path}`,
        message: "The editor's schema has no such attribute; a document is imported as it is or not at all.",
      })),
    );
  }
  const { article, claims, evidence = [], links = [] } = parsed.data;
  return assembleImportedReport(
    WHAT,
    {
      title: article.title,
      sourceUrl: article.sourceUrl ?? null,
      outlet: article.outlet ?? null,
      author: article.author ?? null,
      publishedAt: article.publishedAt ?? null,
      doc: article.doc as DocNode,
    },
    claims.map((claim, index) => ({
      key: claim.id,
      path: `claims.${index}`,
      position: claim.selectors.position,
      quote: claim.selectors.quote,
      verdict: claim.verdict,
      speaker: claim.speaker ?? null,
      rationale: claim.rationale ?? "",
      isOrphaned: claim.isOrphaned ?? false,
      isAnchorUnconfirmed: claim.isAnchorUnconfirmed ?? false,
    })),
    evidence.map((item, index) => ({
      claimKey: item.claimId,
      path: `evidence.${index}`,
      url: item.url,
      title: item.title ?? null,
      excerpt: item.excerpt ?? null,
      stance: item.stance,
    })),
    links.map((link, index) => ({
      fromClaimKey: link.fromClaimId,
      toClaimKey: link.toClaimId,
      path: `links.${index}`,
      kind: link.kind,
      note: link.note ?? null,
    })),
  );
}

/**
 * The paths (dotted, as zod names them) of keys in `sent` that `parsed` (zod's output for it) no longer has: what
 * a schema of stripping objects dropped. Walked without recursion; at most fifty are named.
 */
export function droppedKeys(sent: unknown, parsed: unknown): string[] {
  const dropped: string[] = [];
  const stack: [unknown, unknown, string][] = [[sent, parsed, ""]];
  while (stack.length > 0 && dropped.length < 50) {
    const [input, output, path] = stack.pop() as [unknown, unknown, string];
    if (typeof input !== "object" || input === null || typeof output !== "object" || output === null) continue;
    const children: [unknown, unknown, string][] = [];
    for (const key of Object.keys(input)) {
      const childPath = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(output, key)) dropped.push(childPath);
      else
        children.push([(input as Record<string, unknown>)[key], (output as Record<string, unknown>)[key], childPath]);
    }
    // Reversed onto the stack, so the paths come out in document order.
    stack.push(...children.reverse());
  }
  return dropped;
}

/** How deeply a JSON value nests, measured without recursion so a hostile document cannot overflow the stack. */
export function documentDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== "object" || current === null) continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(current)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}
