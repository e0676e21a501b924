import { z } from "zod";
import { ZChangePayload } from "../changeLog/ZChangeEvent";
import { ARTICLE_LIMITS, ZArticleDoc } from "../schemas/article";
import { CLAIM_LIMITS, ZRationale, ZSpeaker } from "../schemas/claim";
import { type Actor, ZActor, ZHttpUrl, ZOptionalLine, ZTimestamp, ZUserText } from "../schemas/common";
import { ZEvidenceStance } from "../schemas/evidence";
import { ZLinkKind } from "../schemas/link";
import { ZConclusion, ZSpeakerKinds } from "../schemas/publication";
import { type Verdict, ZVerdict } from "../schemas/verdict";
import { type ClaimStatus, ZClaimStatus, ZReviewDecision } from "../schemas/workflow";
import type { DocNode } from "../text/articleText";
import { assembleImportedReport, type EventToImport } from "./assembleImportedReport";
import { NATIVE_REPORT_FORMAT, NATIVE_REPORT_SCHEMA_VERSION } from "./buildNativeJson";
import {
  IMPORT_LIMITS,
  type ImportedOrigin,
  type ImportedReport,
  type ImportedReview,
  type ImportedWorkflow,
} from "./ImportedReport";
import { type ImportIssue, importValidationError, issuesFromZod } from "./importValidationError";

const WHAT = "Not a valid Factmark JSON export";

const ZKey = z.string().min(1).max(64);

/** Each level of a Tiptap document is two levels of JSON (a node and its content array), plus the wrapping. */
const MAX_JSON_DEPTH = 2 * ARTICLE_LIMITS.docDepth + 8;

/**
 * Who made something and when, as a native export says: the account's name, or the name it was originally by when it
 * came from an import itself (so a chain of imports keeps the first author). All optional: older exports and
 * hand-made documents may leave them out.
 */
const ZAuthored = {
  createdAt: ZTimestamp.optional(),
  createdBy: ZActor.optional(),
  originalAuthorName: z.string().max(200).nullable().optional(),
};

/** A history entry: the envelope read here, `from` and `to` checked against the action's shape below. */
const ZNativeEvent = z.object({
  id: ZKey,
  at: ZTimestamp,
  by: ZActor,
  originalActorName: z.string().max(200).nullable().optional(),
  claimId: ZKey.nullable(),
  changeNumber: z.number().int().nonnegative().optional(),
  action: z.string().max(100),
  storedAction: z.string().max(100).optional(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
});

/**
 * What an import reads from a native export: everything but the ids (read only to connect the parts, and to put the
 * new ids in the history's place; an account's id only to find the same account here), the article's own id and
 * version, and the publication state (an import never makes anything published).
 */
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
    conclusion: ZConclusion.nullable().optional(),
    speakerKinds: ZSpeakerKinds.optional(),
    createdAt: ZTimestamp.optional(),
    updatedAt: ZTimestamp.optional(),
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
        ...ZAuthored,
        version: z.number().int().positive().optional(),
        updatedAt: ZTimestamp.optional(),
        status: ZClaimStatus.optional(),
        assignee: ZActor.nullable().optional(),
        verdictSetBy: ZActor.nullable().optional(),
        approvals: z.number().int().nonnegative().optional(),
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
        id: ZKey.optional(),
        ...ZAuthored,
        version: z.number().int().positive().optional(),
        updatedAt: ZTimestamp.optional(),
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
        id: ZKey.optional(),
        ...ZAuthored,
      }),
    )
    .max(IMPORT_LIMITS.links)
    .optional(),
  events: z.array(ZNativeEvent).max(IMPORT_LIMITS.events).optional(),
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
  const { article, claims, evidence = [], links = [], events } = parsed.data;
  const history = events ? readHistory(events) : undefined;
  return assembleImportedReport(
    WHAT,
    {
      title: article.title,
      sourceUrl: article.sourceUrl ?? null,
      outlet: article.outlet ?? null,
      author: article.author ?? null,
      publishedAt: article.publishedAt ?? null,
      doc: article.doc as DocNode,
      ...(article.conclusion === undefined ? {} : { conclusion: article.conclusion }),
      ...(article.speakerKinds === undefined ? {} : { speakerKinds: article.speakerKinds }),
      ...(article.createdAt === undefined ? {} : { createdAt: article.createdAt }),
      ...(article.updatedAt === undefined ? {} : { updatedAt: article.updatedAt }),
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
      origin: originOf(claim),
      ...(claim.status === undefined
        ? {}
        : { workflow: workflowOf(claim as typeof claim & { status: ClaimStatus }, history?.entries) }),
    })),
    evidence.map((item, index) => ({
      claimKey: item.claimId,
      path: `evidence.${index}`,
      url: item.url,
      title: item.title ?? null,
      excerpt: item.excerpt ?? null,
      stance: item.stance,
      ...(item.id === undefined ? {} : { key: item.id }),
      origin: originOf(item),
      ...(item.version === undefined ? {} : { version: item.version }),
      ...(item.updatedAt === undefined ? {} : { updatedAt: item.updatedAt }),
    })),
    links.map((link, index) => ({
      fromClaimKey: link.fromClaimId,
      toClaimKey: link.toClaimId,
      path: `links.${index}`,
      kind: link.kind,
      note: link.note ?? null,
      ...(link.id === undefined ? {} : { key: link.id }),
      origin: originOf(link),
    })),
    history?.entries,
  );
}

/** Who first made it and when: the name it was originally by (an import's import), else its author's. */
function originOf(item: { createdAt?: string; createdBy?: Actor; originalAuthorName?: string | null }): ImportedOrigin {
  return { authorName: item.originalAuthorName ?? item.createdBy?.name ?? null, at: item.createdAt ?? null };
}

/**
 * The history entries, each checked against its action's shape (an "unreadable" one, a row the exporting Factmark
 * could not read either, is kept as it was). Throws VALIDATION_FAILED naming each entry that fits no shape.
 */
function readHistory(events: z.infer<typeof ZNativeEvent>[]): { entries: EventToImport[] } {
  const issues: ImportIssue[] = [];
  const entries = events.flatMap((event, index): EventToImport[] => {
    const path = `events.${index}`;
    const envelope = {
      sourceId: event.id,
      claimKey: event.claimId,
      path,
      // An entry an import brought in names its importer as `by`: only one the account did itself names who did it.
      origin: {
        authorName: event.originalActorName ?? event.by.name,
        at: event.at,
        ...(event.originalActorName ? {} : { accountId: event.by.id }),
      },
      changeNumber: event.changeNumber ?? null,
    };
    if (event.action === "unreadable") {
      if (event.storedAction === undefined) {
        issues.push({ path, message: "An unreadable entry keeps the action it was stored with (storedAction)." });
        return [];
      }
      return [{ ...envelope, action: event.storedAction, from: event.from, to: event.to }];
    }
    const payload = ZChangePayload.safeParse({ action: event.action, from: event.from, to: event.to });
    if (!payload.success) {
      issues.push(
        ...issuesFromZod(payload.error).map((issue) => ({
          ...issue,
          path: issue.path ? `${path}.${issue.path}` : path,
        })),
      );
      return [];
    }
    return [{ ...envelope, ...payload.data }];
  });
  if (issues.length > 0) throw importValidationError(WHAT, issues);
  return { entries };
}

/**
 * Where a claim stood in the desk's work: its status and assignee as exported, its reviews from its "claim.reviewed"
 * history entries (a review is recorded by one), and the round it is in, found from them and its approvals.
 */
function workflowOf(
  claim: {
    id: string;
    status: ClaimStatus;
    verdict: Verdict;
    assignee?: Actor | null;
    verdictSetBy?: Actor | null;
    approvals?: number;
    version?: number;
    updatedAt?: string;
    createdAt?: string;
  },
  historyEntries: readonly EventToImport[] | undefined,
): ImportedWorkflow {
  const history = historyEntries ?? [];
  const reviews = history.flatMap((event): ImportedReview[] =>
    event.claimKey === claim.id && event.action === "claim.reviewed"
      ? [
          {
            sourceId: (event.to as { reviewId: string }).reviewId,
            decision: ZReviewDecision.parse((event.to as { decision: string }).decision),
            note: (event.to as { note: string | null }).note,
            round: (event.to as { round: number }).round,
            origin: event.origin,
          },
        ]
      : [],
  );
  const lastRound = Math.max(0, ...reviews.map((review) => review.round));
  const approversInLastRound = new Set(
    reviews
      .filter((review) => review.round === lastRound && review.decision === "approve")
      .map((review) => review.origin.authorName),
  ).size;
  // A round ends when the claim goes back to review; the exported approvals tell whether the last one still runs.
  const isLastRoundCurrent =
    lastRound === 0 ||
    (approversInLastRound > 0 && approversInLastRound === claim.approvals) ||
    claim.status === "approved" ||
    claim.status === "changes-requested";
  return {
    status: claim.status,
    assignee: claim.assignee ?? null,
    reviews,
    reviewRound: Math.max(1, isLastRoundCurrent ? lastRound : lastRound + 1),
    version: claim.version ?? 1,
    updatedAt: claim.updatedAt ?? claim.createdAt ?? null,
    verdictSetBy: verdictSetterOf(claim, historyEntries),
  };
}

/** The verdict an entry gave its claim, or null for an entry that gives none (as hasSetVerdict on the server reads them). */
function verdictGivenBy(event: EventToImport): Verdict | null {
  const given = (() => {
    switch (event.action) {
      case "claim.created":
      case "claim.imported":
        return (event.to as { verdict?: unknown } | undefined)?.verdict;
      case "claim.verdict_changed":
        return event.to;
      case "claim.undone": {
        const undone = event.from as { action?: string; from?: unknown } | undefined;
        return undone?.action === "claim.verdict_changed" ? undone.from : null;
      }
      default:
        return null;
    }
  })();
  const verdict = ZVerdict.safeParse(given);
  return verdict.success ? verdict.data : null;
}

/**
 * Who set the claim's verdict: the exported `verdictSetBy`, by account; but when that account only brought the
 * verdict in (an export of an import), the person the claim's last verdict-setting entry was originally by, by name.
 * A history whose last verdict-setting entry of the claim does not give it its verdict does not vouch for its setter:
 * the name is kept, not the account, so the importer stands behind the verdict.
 */
function verdictSetterOf(
  claim: { id: string; verdict: Verdict; verdictSetBy?: Actor | null },
  history: readonly EventToImport[] | undefined,
): ImportedOrigin | null {
  if (claim.verdict === "unverified" || !claim.verdictSetBy) return null;
  const setter = claim.verdictSetBy;
  // Without a history the import records the claim's "imported" entry as the importer's, which keeps them from it.
  if (history === undefined || history.length === 0) return { authorName: setter.name, at: null, accountId: setter.id };
  const last = history.findLast((event) => event.claimKey === claim.id && verdictGivenBy(event) !== null);
  // Its importer is kept from approving the verdict by the entry that gave it (stored as the importer's): none, or
  // one that gave another verdict, and the importer is made its setter instead.
  if (!last || verdictGivenBy(last) !== claim.verdict) return { authorName: setter.name, at: null };
  if (last.origin.accountId === undefined && last.origin.authorName !== setter.name) {
    return { authorName: last.origin.authorName, at: last.origin.at };
  }
  return { authorName: setter.name, at: last.origin.at, accountId: setter.id };
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
