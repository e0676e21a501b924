import { z } from "zod";
import { ARTICLE_LIMITS } from "../schemas/article";
import { CLAIM_LIMITS, ZRationale, ZSpeaker } from "../schemas/claim";
import { ZHttpUrl, ZOptionalLine, ZTimestamp, ZUserText } from "../schemas/common";
import { type EvidenceStance, ZEvidenceStance } from "../schemas/evidence";
import { ZLinkKind } from "../schemas/link";
import { VERDICT_LABELS, VERDICTS, type Verdict } from "../schemas/verdict";
import type { DocNode } from "../text/articleText";
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

// Built once: zod schemas are costly to construct, and an import may hold thousands of evidence bodies.
const ZEvidenceTitle = ZOptionalLine(500);
const ZEvidenceExcerpt = ZUserText(5000);

const ZOneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]);

const ZSelector = z.looseObject({
  type: z.string(),
  exact: ZUserText(CLAIM_LIMITS.quoteLength).optional(),
  prefix: ZUserText(CLAIM_LIMITS.contextLength).optional(),
  suffix: ZUserText(CLAIM_LIMITS.contextLength).optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});

const ZBody = z.union([
  z.string(),
  z.looseObject({
    type: z.string().optional(),
    purpose: ZOneOrMany(z.string()).optional(),
    value: ZUserText(CLAIM_LIMITS.rationaleLength).optional(),
    source: z.union([z.string(), z.looseObject({ id: z.string(), "schema:name": z.string().optional() })]).optional(),
    selector: ZOneOrMany(ZSelector).optional(),
    stance: z.string().optional(),
  }),
]);
type Body = z.infer<typeof ZBody>;

const ZTarget = z.union([
  z.string(),
  z.looseObject({
    type: z.string().optional(),
    source: z.unknown().optional(),
    selector: ZOneOrMany(ZSelector).optional(),
  }),
]);

const ZAnnotation = z.looseObject({
  id: z.string().min(1).max(2048),
  type: z.union([z.literal("Annotation"), z.array(z.string()).refine((types) => types.includes("Annotation"))], {
    error: 'An annotation\'s "type" must be "Annotation".',
  }),
  motivation: ZOneOrMany(z.string()).optional(),
  body: ZOneOrMany(ZBody).optional(),
  target: ZOneOrMany(ZTarget),
});
type Annotation = z.infer<typeof ZAnnotation>;

const ZCollection = z.object({
  "@context": z.union(
    [z.literal(ANNOTATION_CONTEXT), z.array(z.unknown()).refine((items) => items.includes(ANNOTATION_CONTEXT))],
    {
      error: `"@context" must be "${ANNOTATION_CONTEXT}".`,
    },
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
        'The collection does not describe the article under "schema:about" (headline and text), as a Factmark export does; without the text the claims cannot be placed.',
    },
  ),
  first: z.looseObject(
    { items: z.array(z.unknown()).max(IMPORT_LIMITS.claims + IMPORT_LIMITS.links) },
    { error: 'The collection must embed its annotations in its "first" page ("first": {"items": [...]}).' },
  ),
});

/**
 * Reads a W3C Web Annotation collection (as buildWebAnnotation writes it) back into what an import re-creates.
 * Annotations whose target is a SpecificResource with a TextQuoteSelector and/or TextPositionSelector become claims:
 * verdict from the `assessing` body, speaker from `describing`, rationale from `commenting`, evidence from `linking`
 * SpecificResource bodies. `linking` annotations whose two targets are claim annotations become links, their kind
 * from the `tagging` body. The article is rebuilt from `schema:about` with one paragraph per line of its text, so
 * every offset still holds. Throws an AppError naming what is wrong.
 */
export function parseWebAnnotation(collection: unknown): ImportedReport {
  const parsed = ZCollection.safeParse(collection);
  if (!parsed.success) throw importValidationError(WHAT, issuesFromZod(parsed.error));
  const about = parsed.data["schema:about"];
  const issues: ImportIssue[] = [];
  const claims: ClaimToImport[] = [];
  const evidence: EvidenceToImport[] = [];
  const links: LinkToImport[] = [];

  parsed.data.first.items.forEach((raw, index) => {
    const path = `first.items.${index}`;
    const annotation = ZAnnotation.safeParse(raw);
    if (!annotation.success) {
      for (const issue of issuesFromZod(annotation.error)) {
        issues.push({ path: issue.path ? `${path}.${issue.path}` : path, message: issue.message });
      }
      return;
    }
    if (isLinkAnnotation(annotation.data)) readLink(annotation.data, path, links, issues);
    else readClaim(annotation.data, path, claims, evidence, issues);
  });
  if (claims.length > IMPORT_LIMITS.claims) {
    issues.push({ path: "first.items", message: `At most ${IMPORT_LIMITS.claims} claims can be imported at once.` });
  }
  if (issues.length > 0) throw importValidationError(WHAT, issues);

  const text = about["schema:text"];
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

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function isLinkAnnotation(annotation: Annotation): boolean {
  const targets = asArray(annotation.target);
  return (
    asArray(annotation.motivation).includes("linking") &&
    targets.length === 2 &&
    targets.every((t) => typeof t === "string")
  );
}

function bodiesWithPurpose(annotation: Annotation, purpose: string): { body: Exclude<Body, string>; index: number }[] {
  return asArray(annotation.body)
    .map((body, index) => ({ body, index }))
    .filter(
      (entry): entry is { body: Exclude<Body, string>; index: number } =>
        typeof entry.body !== "string" && asArray(entry.body.purpose).includes(purpose),
    );
}

function readClaim(
  annotation: Annotation,
  path: string,
  claims: ClaimToImport[],
  evidence: EvidenceToImport[],
  issues: ImportIssue[],
): void {
  const target = asArray(annotation.target)[0];
  const selectors = typeof target === "object" ? asArray(target.selector) : [];
  const quote = selectors.find((selector) => selector.type === "TextQuoteSelector" && selector.exact !== undefined);
  const position = selectors.find(
    (selector) =>
      selector.type === "TextPositionSelector" && selector.start !== undefined && selector.end !== undefined,
  );
  if (!quote && !position) {
    issues.push({
      path: `${path}.target`,
      message: "The target has neither a TextQuoteSelector nor a TextPositionSelector, so the claim cannot be placed.",
    });
    return;
  }

  let verdict: Verdict = "unverified";
  const assessing = bodiesWithPurpose(annotation, "assessing")[0];
  if (assessing) {
    const found = verdictFrom(assessing.body.value);
    if (found) verdict = found;
    else {
      issues.push({
        path: `${path}.body.${assessing.index}.value`,
        message: `"${assessing.body.value ?? ""}" is not a verdict (${VERDICTS.map((v) => VERDICT_LABELS[v]).join(", ")}).`,
      });
    }
  }
  const describing = bodiesWithPurpose(annotation, "describing")[0];
  const speaker = ZSpeaker.safeParse(describing?.body.value ?? "");
  if (!speaker.success)
    issues.push({ path: `${path}.body.${describing?.index}.value`, message: "The speaker's name is too long." });
  const rationale = ZRationale.safeParse(
    bodiesWithPurpose(annotation, "commenting")
      .map((entry) => entry.body.value ?? "")
      .join("\n\n"),
  );
  if (!rationale.success) issues.push({ path: `${path}.body`, message: "The rationale is too long." });

  for (const { body, index } of bodiesWithPurpose(annotation, "linking")) {
    const bodyPath = `${path}.body.${index}`;
    const source = typeof body.source === "string" ? body.source : body.source?.id;
    const url = ZHttpUrl.safeParse(source ?? "");
    if (!url.success) {
      issues.push({ path: `${bodyPath}.source`, message: "Evidence must link to an http:// or https:// URL." });
      continue;
    }
    const title = ZEvidenceTitle.safeParse(typeof body.source === "object" ? body.source["schema:name"] : undefined);
    const excerpt = ZEvidenceExcerpt.safeParse(
      asArray(body.selector).find((s) => s.type === "TextQuoteSelector")?.exact ?? "",
    );
    const stance = body.stance === undefined ? "context" : ZEvidenceStance.safeParse(body.stance).data;
    if (!title.success || !excerpt.success || stance === undefined) {
      issues.push({ path: bodyPath, message: "The evidence's title, excerpt or stance is not valid." });
      continue;
    }
    evidence.push({
      claimKey: annotation.id,
      path: bodyPath,
      url: url.data,
      title: title.data ?? null,
      excerpt: excerpt.data.length > 0 ? excerpt.data : null,
      stance: stance as EvidenceStance,
    });
  }

  claims.push({
    key: annotation.id,
    path,
    position: position ? { start: position.start as number, end: position.end as number } : undefined,
    quote: quote ? { exact: quote.exact as string, prefix: quote.prefix, suffix: quote.suffix } : undefined,
    verdict,
    speaker: speaker.data ?? null,
    rationale: rationale.data ?? "",
    isOrphaned: false,
  });
}

function readLink(annotation: Annotation, path: string, links: LinkToImport[], issues: ImportIssue[]): void {
  const [from, to] = asArray(annotation.target) as [string, string];
  const tagging = bodiesWithPurpose(annotation, "tagging")
    .map((entry) => ZLinkKind.safeParse(entry.body.value).data)
    .find((kind) => kind !== undefined);
  if (!tagging) {
    issues.push({
      path: `${path}.body`,
      message: 'A linking annotation needs a "tagging" body of "contradicts" or "supports".',
    });
    return;
  }
  const note = bodiesWithPurpose(annotation, "commenting")
    .map((entry) => entry.body.value ?? "")
    .join("\n\n");
  if (note.length > 2000) {
    issues.push({ path: `${path}.body`, message: "The link's note is longer than 2000 characters." });
    return;
  }
  links.push({ fromClaimKey: from, toClaimKey: to, path, kind: tagging, note: note.length > 0 ? note : null });
}

/** A verdict from its label or its name, in any case: "Contradicted", "contradicted". */
function verdictFrom(value: string | undefined): Verdict | null {
  const wanted = (value ?? "").trim().toLowerCase();
  return VERDICTS.find((verdict) => verdict === wanted || VERDICT_LABELS[verdict].toLowerCase() === wanted) ?? null;
}
