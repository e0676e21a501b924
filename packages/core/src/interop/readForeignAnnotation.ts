import type { ImportedEvidence, ImportedOrigin } from "../report/ImportedReport";
import type { ImportIssue } from "../report/importValidationError";
import { CLAIM_LIMITS, ZRationale, ZSpeaker } from "../schemas/claim";
import { ZHttpUrl, ZOptionalLine, ZUserText } from "../schemas/common";
import { type EvidenceStance, ZEvidenceStance } from "../schemas/evidence";
import { type LinkKind, ZLinkKind } from "../schemas/link";
import { VERDICT_LABELS, VERDICTS, type Verdict } from "../schemas/verdict";
import { type ForeignQuote, type ForeignSelectors, quoteForMessage, readTextTarget } from "./foreignSelectors";
import { verdictFromTags } from "./verdictFromTags";

/**
 * One foreign annotation as Factmark understands it:
 * - `claim`: about a passage of text, with what it says about it (verdict, speaker, rationale, evidence) and who
 *   wrote it when (`origin`); `problems` name fields Factmark cannot keep (a rationale too long, a speaker's name with
 *   a NUL), each with its path below the annotation; `evidenceProblems` name evidence bodies left out (evidence that
 *   is no web address, a title too long), the claim kept without them; `notes` say what was cut to fit (a prefix or
 *   suffix longer than a claim keeps); `isMarkedOrphaned`: Factmark's own `orphaned` term, an orphan exported;
 * - `link`: Factmark's relation between two claim annotations, named by their ids;
 * - `skipped`: not about text (an image region, a whole page, a reply), with the reason in words.
 */
export type ForeignAnnotation =
  | {
      kind: "claim";
      id: string | null;
      selectors: ForeignSelectors;
      verdict: Verdict;
      speaker: string | null;
      rationale: string;
      origin: ImportedOrigin;
      evidence: ImportedEvidence[];
      problems: ImportIssue[];
      evidenceProblems: ImportIssue[];
      notes: string[];
      isMarkedOrphaned: boolean;
    }
  | {
      kind: "link";
      id: string | null;
      fromId: string;
      toId: string;
      linkKind: LinkKind;
      note: string | null;
      origin: ImportedOrigin;
      problems: ImportIssue[];
    }
  | { kind: "skipped"; id: string | null; reason: string };

type Json = Record<string, unknown>;

/** How long an original author's name may be: longer ones are cut (it is shown, never matched). */
const AUTHOR_NAME_LENGTH = 200;
const ZEvidenceTitle = ZOptionalLine(500);
const ZEvidenceExcerpt = ZUserText(5000);
const ZNote = ZUserText(2000);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function listOf(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function strings(value: unknown): string[] {
  return listOf(value).filter((item): item is string => typeof item === "string");
}

/**
 * Reads one annotation of any producer: the W3C model (bodies with or without `purpose`, `bodyValue`), Hypothesis'
 * API (`text`, `tags`, `user`, `references`), Recogito, Annotorious, and Factmark's own terms (`verdict`,
 * `speaker`, evidence `stance`, `linkKind`/`linkFrom`/`linkTo`). The verdict is Factmark's own `verdict` term or
 * `assessing` body naming a verdict when there is one, else what the tags (and any other `assessing` value) say
 * through TAG_VERDICTS, else unverified; tags that are no verdict are kept at the end of the rationale
 * ("Tags: satire"). Never throws.
 */
export function readForeignAnnotation(raw: unknown): ForeignAnnotation {
  if (!isObject(raw)) return { kind: "skipped", id: null, reason: "It is not an annotation: not a JSON object." };
  const id = typeof raw.id === "string" && raw.id.length > 0 ? raw.id : null;
  const types = strings(raw.type);
  if (types.length > 0 && !types.includes("Annotation") && !types.includes("oa:Annotation")) {
    return {
      kind: "skipped",
      id,
      reason: `It is not an annotation: its type is ${quoteForMessage(types.join(", "))}.`,
    };
  }
  const motivations = strings(raw.motivation);
  if (motivations.includes("replying") || strings(raw.references).length > 0) {
    return { kind: "skipped", id, reason: "It is a reply to another annotation, not a note on the text." };
  }
  const origin = originOf(raw);
  const problems: ImportIssue[] = [];
  const bodies = listOf(raw.body).map((body, index) => ({ body, path: `body.${index}` }));
  if (typeof raw.bodyValue === "string")
    bodies.push({ body: { type: "TextualBody", value: raw.bodyValue }, path: "bodyValue" });

  const link = linkOf(raw, id, bodies, origin, problems);
  if (link) return link;

  const target = readTextTarget(raw.target);
  if (!target.isText) return { kind: "skipped", id, reason: target.reason };
  const notes: string[] = [];
  const quoteProblem = fitQuotes(target.selectors, notes);
  if (quoteProblem) return { kind: "skipped", id, reason: quoteProblem };

  const comments: string[] = typeof raw.text === "string" && raw.text.trim().length > 0 ? [raw.text] : [];
  const tags = strings(raw.tags);
  let ownVerdict: Verdict | null = null;
  let speaker: string | null = stringTerm(raw, "speaker");
  const evidence: ImportedEvidence[] = [];
  const evidenceProblems: ImportIssue[] = [];
  const verdictTerm = ownTerm(raw, "verdict");
  if (verdictTerm !== undefined) {
    ownVerdict = verdictFrom(verdictTerm);
    if (!ownVerdict) problems.push({ path: "verdict", message: notAVerdict(verdictTerm) });
  }
  for (const { body, path } of bodies) {
    if (!isObject(body)) continue;
    const purposes = strings(body.purpose);
    if (isEvidenceBody(body, purposes)) {
      const item = evidenceOf(body, path, evidenceProblems);
      if (item) evidence.push(item);
      continue;
    }
    const value = typeof body.value === "string" ? body.value : typeof body.chars === "string" ? body.chars : null;
    if (value === null) continue;
    if (purposes.includes("assessing")) {
      // Another tool's rating ("Mostly false") is read like a tag: through TAG_VERDICTS, else kept in the rationale.
      const verdict = verdictFrom(value);
      if (verdict) ownVerdict ??= verdict;
      else tags.push(value);
    } else if (purposes.includes("describing")) speaker ??= value.trim().length > 0 ? value : null;
    else if (purposes.includes("tagging")) tags.push(value);
    else if (value.trim().length > 0) comments.push(value);
  }
  const fromTags = verdictFromTags(tags);
  const rationaleParts = [...comments];
  if (fromTags.keptTags.length > 0) rationaleParts.push(`Tags: ${fromTags.keptTags.join(", ")}`);
  const rationaleText = rationaleParts.join("\n\n");
  const rationale = ZRationale.safeParse(rationaleText);
  if (!rationale.success) {
    problems.push({
      path: "body",
      message: describeTextProblem("The rationale", rationaleText, CLAIM_LIMITS.rationaleLength) ?? "",
    });
  }
  const speakerName = ZSpeaker.safeParse(speaker ?? "");
  if (!speakerName.success) {
    problems.push({
      path: "speaker",
      message:
        describeTextProblem("The speaker's name", speaker ?? "", CLAIM_LIMITS.speakerLength) ??
        speakerName.error.issues[0]?.message ??
        "The speaker's name is not valid.",
    });
  }
  return {
    kind: "claim",
    id,
    selectors: target.selectors,
    verdict: ownVerdict ?? fromTags.verdict ?? "unverified",
    speaker: speakerName.success && speakerName.data ? speakerName.data : null,
    rationale: rationale.data ?? "",
    origin,
    evidence,
    problems,
    evidenceProblems,
    notes,
    isMarkedOrphaned: ownTerm(raw, "orphaned") === true,
  };
}

/**
 * What is wrong with a piece of foreign text against ZUserText's rules (at most `max` characters, no NUL, no broken
 * character), said of `subject`; undefined when it is fine.
 */
export function describeTextProblem(subject: string, value: string, max: number): string | undefined {
  if (value.length > max) return `${subject} has at most ${max} characters.`;
  if (value.includes("\u0000")) return `${subject} may not contain NUL characters.`;
  if (!value.isWellFormed()) return `${subject} contains a broken character (half of a surrogate pair).`;
  return undefined;
}

/**
 * Holds a target's quotes to what a claim's quote may be (ZTextQuote: CLAIM_LIMITS): an `exact` too long, with a
 * NUL or a broken character refuses the item (answered why); a prefix or suffix is only context, so one longer than
 * CLAIM_LIMITS.contextLength is cut to the characters nearest the quote, and one with a NUL or a broken character
 * is dropped, each said in `notes`.
 */
function fitQuotes(selectors: ForeignSelectors, notes: string[]): string | undefined {
  const quotes = [selectors.quote, selectors.range?.start.quote, selectors.range?.end.quote].filter(
    (quote): quote is ForeignQuote => quote !== undefined,
  );
  let isCut = false;
  let isDropped = false;
  for (const quote of quotes) {
    const { exact } = quote;
    if (exact.length > CLAIM_LIMITS.quoteLength) {
      return `Its quote is ${exact.length} characters long; a claim's quote holds at most ${CLAIM_LIMITS.quoteLength}.`;
    }
    if (exact.includes("\u0000")) {
      return "Its quote contains a NUL control character (U+0000), which no article text holds.";
    }
    if (!exact.isWellFormed()) return "Its quote contains a broken character (half of a surrogate pair).";
    for (const side of ["prefix", "suffix"] as const) {
      const context = quote[side];
      if (context === undefined) continue;
      if (context.includes("\u0000") || !context.isWellFormed()) {
        delete quote[side];
        isDropped = true;
      } else if (context.length > CLAIM_LIMITS.contextLength) {
        quote[side] = side === "prefix" ? lastCharacters(context) : firstCharacters(context);
        isCut = true;
      }
    }
  }
  if (isCut)
    notes.push(`its prefix and suffix were cut to the ${CLAIM_LIMITS.contextLength} characters nearest the quote`);
  if (isDropped) notes.push("a prefix or suffix with a NUL or a broken character was left out");
  return undefined;
}

/** The last CLAIM_LIMITS.contextLength UTF-16 units of `text`, not starting inside a surrogate pair. */
function lastCharacters(text: string): string {
  const cut = text.slice(-CLAIM_LIMITS.contextLength);
  return /^[\udc00-\udfff]/.test(cut) ? cut.slice(1) : cut;
}

/** The first CLAIM_LIMITS.contextLength UTF-16 units of `text`, not ending inside a surrogate pair. */
function firstCharacters(text: string): string {
  const cut = text.slice(0, CLAIM_LIMITS.contextLength);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A Factmark link annotation (linkKind/linkFrom/linkTo, or `linking` two annotation ids), or null. */
function linkOf(
  raw: Json,
  id: string | null,
  bodies: { body: unknown; path: string }[],
  origin: ImportedOrigin,
  problems: ImportIssue[],
): ForeignAnnotation | null {
  const targets = listOf(raw.target);
  const linkFrom = stringTerm(raw, "linkFrom");
  const linkTo = stringTerm(raw, "linkTo");
  const isLinking =
    strings(raw.motivation).includes("linking") && targets.length === 2 && targets.every((t) => typeof t === "string");
  if (!(linkFrom && linkTo) && !isLinking) return null;
  // linkFrom/linkTo say the direction; the order of two targets is all an older export has (linked data keeps none).
  const [fromId, toId] = linkFrom && linkTo ? [linkFrom, linkTo] : (targets as [string, string]);
  const tagged = bodies
    .filter(({ body }) => isObject(body) && strings(body.purpose).includes("tagging"))
    .map(({ body }) => (body as Json).value);
  const linkKind = [ownTerm(raw, "linkKind"), ...tagged].map((kind) => ZLinkKind.safeParse(kind).data).find(Boolean);
  if (!linkKind) {
    problems.push({
      path: "body",
      message: 'A link needs a kind: "linkKind" or a "tagging" body of "contradicts" or "supports".',
    });
  }
  const notes = bodies
    .filter(
      ({ body }) => isObject(body) && typeof body.value === "string" && !strings(body.purpose).includes("tagging"),
    )
    .map(({ body }) => (body as Json).value as string);
  const note = ZNote.safeParse(notes.join("\n\n"));
  if (!note.success) {
    problems.push({ path: "body", message: describeTextProblem("The link's note", notes.join("\n\n"), 2000) ?? "" });
  }
  return {
    kind: "link",
    id,
    fromId,
    toId,
    linkKind: linkKind ?? "contradicts",
    note: note.success && note.data.length > 0 ? note.data : null,
    origin,
    problems,
  };
}

/**
 * One of Factmark's own terms (FACTMARK_CONTEXT): by its short name, as Factmark writes it, or with the `fm:` prefix a
 * JSON-LD processor compacts it to.
 */
function ownTerm(node: Json, name: string): unknown {
  return node[name] ?? node[`fm:${name}`];
}

function stringTerm(node: Json, name: string): string | null {
  const value = ownTerm(node, name);
  return typeof value === "string" && value.trim().length > 0 ? value : null;
}

function isEvidenceBody(body: Json, purposes: string[]): boolean {
  return purposes.includes("linking") || (body.type === "SpecificResource" && body.source !== undefined);
}

/**
 * One evidence body as Factmark keeps it, or null with what is wrong with it in `problems` (its path below the
 * annotation): the URL (ZHttpUrl's rules: http(s), no user name or password, at most 2048 characters), the title
 * (`schema:name`, at most 500 characters), the excerpt (its TextQuoteSelector, at most 5000) or the stance.
 */
function evidenceOf(body: Json, path: string, problems: ImportIssue[]): ImportedEvidence | null {
  const source = typeof body.source === "string" ? body.source : isObject(body.source) ? body.source.id : undefined;
  const url = ZHttpUrl.safeParse(typeof source === "string" ? source : "");
  if (!url.success) {
    const message =
      typeof source === "string" && source.trim().length > 0
        ? (url.error.issues[0]?.message ?? "Evidence must link to an http:// or https:// URL.")
        : "Evidence must link to an http:// or https:// URL.";
    problems.push({
      path: `${path}.source`,
      message:
        message === "Give a full http:// or https:// URL."
          ? "Evidence must link to an http:// or https:// URL."
          : message,
    });
    return null;
  }
  const rawTitle = isObject(body.source) ? body.source["schema:name"] : undefined;
  const title = ZEvidenceTitle.safeParse(rawTitle);
  if (!title.success) {
    problems.push({
      path: `${path}.source.schema:name`,
      message:
        (typeof rawTitle === "string" ? describeTextProblem("The evidence's title", rawTitle, 500) : undefined) ??
        "The evidence's title must be text.",
    });
    return null;
  }
  const quote = listOf(body.selector).find((s) => isObject(s) && s.type === "TextQuoteSelector") as Json | undefined;
  const rawExcerpt = typeof quote?.exact === "string" ? quote.exact : "";
  const excerpt = ZEvidenceExcerpt.safeParse(rawExcerpt);
  if (!excerpt.success) {
    problems.push({
      path: `${path}.selector`,
      message:
        describeTextProblem("The evidence's excerpt", rawExcerpt, 5000) ?? "The evidence's excerpt is not valid.",
    });
    return null;
  }
  const stanceTerm = ownTerm(body, "stance");
  const stance = stanceTerm === undefined ? "context" : ZEvidenceStance.safeParse(stanceTerm).data;
  if (stance === undefined) {
    problems.push({
      path: `${path}.stance`,
      message: `${typeof stanceTerm === "string" ? quoteForMessage(stanceTerm) : "The value"} is not a stance (supports, contradicts or context).`,
    });
    return null;
  }
  const origin = body.creator !== undefined || body.created !== undefined ? originOf(body) : undefined;
  return {
    url: url.data,
    title: title.data ?? null,
    excerpt: excerpt.data.length > 0 ? excerpt.data : null,
    stance: stance as EvidenceStance,
    ...(origin ? { origin } : {}),
  };
}

/**
 * Who wrote the annotation and when: `creator` (a name, an agent with `name` or `nickname`, or a list of them, names
 * joined by ", "), else Hypothesis' `user_info.display_name` or the account in `user` ("acct:alice@hypothes.is" is
 * "alice"); `created` when it is a valid ISO 8601 time, as UTC.
 */
export function originOf(raw: Json): ImportedOrigin {
  const names = listOf(raw.creator)
    .map((agent) =>
      typeof agent === "string"
        ? agent
        : isObject(agent)
          ? [agent.name, agent.nickname, agent["foaf:name"]].find((name) => typeof name === "string")
          : undefined,
    )
    .filter((name): name is string => typeof name === "string" && name.trim().length > 0)
    .map((name) => name.trim());
  if (names.length === 0) {
    const display = isObject(raw.user_info) ? raw.user_info.display_name : undefined;
    if (typeof display === "string" && display.trim().length > 0) names.push(display.trim());
    else if (typeof raw.user === "string") names.push(raw.user.replace(/^acct:/, "").replace(/@[^@]*$/, ""));
  }
  const authorName = names.join(", ").slice(0, AUTHOR_NAME_LENGTH);
  return { authorName: authorName.length > 0 ? authorName : null, at: timeOf(raw.created) };
}

function timeOf(value: unknown): string | null {
  if (typeof value !== "string" || !ISO_DATE.test(value.trim())) return null;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** A verdict from Factmark's name or label for it, in any case: "contradicted", "Contradicted". */
function verdictFrom(value: unknown): Verdict | null {
  if (typeof value !== "string") return null;
  const wanted = value.trim().toLowerCase();
  return VERDICTS.find((verdict) => verdict === wanted || VERDICT_LABELS[verdict].toLowerCase() === wanted) ?? null;
}

function notAVerdict(value: unknown): string {
  return `${typeof value === "string" ? `"${value}"` : "The value"} is not a verdict (${VERDICTS.map((v) => VERDICT_LABELS[v]).join(", ")}).`;
}
