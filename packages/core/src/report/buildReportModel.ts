import { type Claim, compareClaimsInDocumentOrder } from "../schemas/claim";
import type { Actor } from "../schemas/common";
import type { HistoryEvent } from "../schemas/event";
import type { Evidence } from "../schemas/evidence";
import type { Link } from "../schemas/link";
import { emptyVerdictCounts, VERDICT_LABELS } from "../schemas/verdict";
import { creditName, describeHistoryEvent } from "./describeHistoryEvent";
import type {
  ReportClaim,
  ReportClaimLink,
  ReportContradiction,
  ReportEvidence,
  ReportInput,
  ReportModel,
  ReportPairSide,
} from "./ReportModel";
import type { ReportHistoryOption } from "./reportFormats";
import { EVIDENCE_STANCE_LABELS, LINK_KIND_LABELS } from "./reportLabels";

/** How many history entries a claim shows in the report; the native JSON export keeps them all. */
export const REPORT_HISTORY_LIMIT = 5;

export interface BuildReportModelOptions {
  /**
   * "omit" (the default): no working history, as every format a reader outside the desk gets: `events` is empty and
   * each claim's `history` empty with `historyTotal` 0. "include": every event, and each claim's latest few in words.
   * Which one a format gets is decided by core's `reportHistoryFor`.
   */
  history?: ReportHistoryOption;
  /**
   * Claims built before (createReportModelMemo): a claim whose every input is the same object as last time (the claim,
   * its number, its evidence, its links with the other claims' numbers, its history entries) is the same ReportClaim
   * object again, so renderers can keep what they made of it (buildMarkdown's `pieces`, ...). The model is equal to
   * one built without it. The inputs must never be changed in place once passed (the repositories' kept copies are not).
   */
  memo?: ReportModelMemo;
}

/** What a ReportClaim was built from, compared object by object before it is reused. */
interface ReportClaimInputs {
  number: number;
  evidence: readonly Evidence[];
  /** Each link as the claim sees it: the link, its direction, the other claim's number. */
  links: readonly [Link, "outgoing" | "incoming", number][];
  /** The claim's history entries, oldest first; null when the history is left out. */
  events: readonly HistoryEvent[] | null;
  claim: ReportClaim;
}

/** The claims of earlier builds, by the Claim object each was built from (it dies with the claim). */
export type ReportModelMemo = WeakMap<Claim, ReportClaimInputs>;

/** An empty memo for buildReportModel's `memo`: keep one per article (or per thread) and pass it to every build. */
export function createReportModelMemo(): ReportModelMemo {
  return new WeakMap();
}

/**
 * The report model: header, counts per verdict, contradictions side by side, and every claim in document order
 * with its evidence, links and (when asked for) short history. Links, evidence or history entries that point at claims
 * not in `claims` are left out. Pure and linear in the size of its input (plus sorting), so it stays fast for thousands of
 * claims.
 */
export function buildReportModel(input: ReportInput, options: BuildReportModelOptions = {}): ReportModel {
  const { article, organisation, generatedAt } = input;
  const isHistoryIncluded = options.history === "include";
  const sortedClaims = [...input.claims].sort(
    (a, b) => compareClaimsInDocumentOrder(a, b) || compareStrings(a.id, b.id),
  );
  const numberById = new Map(sortedClaims.map((claim, index) => [claim.id, index + 1]));

  const evidenceByClaim = groupBy(
    input.evidence.filter((item) => numberById.has(item.claimId)),
    (item) => item.claimId,
  );
  const links = input.links.filter((link) => numberById.has(link.fromClaimId) && numberById.has(link.toClaimId));
  const linksByClaim = new Map<string, [Link, "outgoing" | "incoming", number][]>();
  for (const link of links) {
    pushTo(linksByClaim, link.fromClaimId, [link, "outgoing", numberById.get(link.toClaimId) ?? 0]);
    pushTo(linksByClaim, link.toClaimId, [link, "incoming", numberById.get(link.fromClaimId) ?? 0]);
  }
  const events = input.events
    .filter((event) => event.claimId === null || numberById.has(event.claimId))
    .sort((a, b) => compareStrings(a.at, b.at) || compareStrings(a.id, b.id));
  const eventsByClaim = isHistoryIncluded
    ? groupBy(
        events.filter((event) => event.claimId !== null),
        (event) => event.claimId ?? "",
      )
    : new Map<string, HistoryEvent[]>();

  const counts = emptyVerdictCounts();
  const { memo } = options;
  const claims = sortedClaims.map((claim, index): ReportClaim => {
    counts[claim.verdict] += 1;
    const inputs = {
      number: index + 1,
      evidence: evidenceByClaim.get(claim.id) ?? [],
      // A stable sort: links to the same claim keep the order given.
      links: (linksByClaim.get(claim.id) ?? []).sort((a, b) => a[2] - b[2]),
      events: isHistoryIncluded ? (eventsByClaim.get(claim.id) ?? []) : null,
    };
    const known = memo?.get(claim);
    if (known && isSameClaimInputs(known, inputs)) return known.claim;
    const built = reportClaim(claim, inputs);
    memo?.set(claim, { ...inputs, claim: built });
    return built;
  });

  const claimById = new Map(claims.map((claim) => [claim.id, claim]));
  const contradictions = links
    .filter((link) => link.kind === "contradicts")
    .map((link): ReportContradiction => {
      const [left, right] = [claimById.get(link.fromClaimId), claimById.get(link.toClaimId)].sort(
        (a, b) => (a?.number ?? 0) - (b?.number ?? 0),
      ) as [ReportClaim, ReportClaim];
      return { linkId: link.id, note: link.note, left: pairSide(left), right: pairSide(right) };
    })
    .sort((a, b) => a.left.number - b.left.number || a.right.number - b.right.number);

  const reviewers =
    input.reviewers ??
    reviewersOf(
      events
        .filter((event) => event.claimId !== null)
        .map((event) => ({ account: event.by, originalName: event.originalActorName })),
    );
  const reportUrl = input.reportUrl ?? `${trimTrailingSlash(organisation.url)}/articles/${article.id}/report`;
  return {
    header: {
      title: article.title,
      outlet: article.outlet,
      author: article.author,
      sourceUrl: article.sourceUrl,
      publishedAt: article.publishedAt,
      reviewers: reviewers.map((reviewer) => reviewer.name),
      organisation,
      generatedAt,
      reportUrl,
    },
    article,
    counts,
    claimCount: claims.length,
    orphanCount: claims.filter((claim) => claim.isOrphaned).length,
    contradictions,
    claims,
    links,
    events: isHistoryIncluded ? events : [],
    reviewers,
  };
}

function reportClaim(claim: Claim, inputs: Omit<ReportClaimInputs, "claim">): ReportClaim {
  const claimEvents = inputs.events ?? [];
  return {
    ...claim,
    number: inputs.number,
    verdictLabel: VERDICT_LABELS[claim.verdict],
    evidence: inputs.evidence.map(
      (item): ReportEvidence => ({ ...item, stanceLabel: EVIDENCE_STANCE_LABELS[item.stance] }),
    ),
    links: inputs.links.map(([link, direction, otherNumber]) => claimLink(link, direction, otherNumber)),
    history: claimEvents.slice(-REPORT_HISTORY_LIMIT).map((event) => ({
      at: event.at,
      by: creditName(event.by, event.originalActorName),
      action: event.action,
      summary: describeHistoryEvent(event, { events: claimEvents }),
    })),
    historyTotal: claimEvents.length,
  };
}

/** Whether a kept claim was built from these very objects (and numbers): then it is what they would build. */
function isSameClaimInputs(known: ReportClaimInputs, inputs: Omit<ReportClaimInputs, "claim">): boolean {
  if (known.number !== inputs.number) return false;
  if (!isSameItems(known.evidence, inputs.evidence)) return false;
  if (known.events === null || inputs.events === null) {
    if (known.events !== inputs.events) return false;
  } else if (!isSameItems(known.events, inputs.events)) return false;
  if (known.links.length !== inputs.links.length) return false;
  return known.links.every((link, index) => {
    const other = inputs.links[index];
    return other !== undefined && link[0] === other[0] && link[1] === other[1] && link[2] === other[2];
  });
}

function isSameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** A URL without its trailing slashes, so paths can be appended to it. */
export function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

function claimLink(link: Link, direction: "outgoing" | "incoming", otherClaimNumber: number): ReportClaimLink {
  return {
    linkId: link.id,
    kind: link.kind,
    label: LINK_KIND_LABELS[link.kind][direction],
    otherClaimId: direction === "outgoing" ? link.toClaimId : link.fromClaimId,
    otherClaimNumber,
    note: link.note,
  };
}

function pairSide(claim: ReportClaim): ReportPairSide {
  return {
    claimId: claim.id,
    number: claim.number,
    quote: claim.selectors.quote.exact,
    speaker: claim.speaker,
    verdict: claim.verdict,
    verdictLabel: claim.verdictLabel,
  };
}

/**
 * Who reviewed the article, as "Reviewed by" names them: everyone with an entry in a claim's working history (marked
 * or imported it, set its verdict, changed it, gave evidence or a link, reviewed it), here or originally, in the order
 * they first appear, once each: by account, and what an import brought in by the person who originally did it, named
 * as creditName names them (the account is the importer's). Every verdict's setter is among them, as setting one is
 * an entry. A claim's author as such is not: an annotation imported from another tool keeps its creator as the
 * claim's original author, who reviewed nothing here; nor are entries on the article alone (pasting, importing or
 * publishing it).
 */
function reviewersOf(credits: { account: Actor; originalName?: string | null | undefined }[]): Actor[] {
  const byPerson = new Map<string, Actor>();
  for (const { account, originalName } of credits) {
    const name = creditName(account, originalName);
    const person = name === account.name ? `account:${account.id}` : `name:${name}`;
    if (!byPerson.has(person)) byPerson.set(person, { id: account.id, name });
  }
  return [...byPerson.values()];
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) pushTo(groups, keyOf(item), item);
  return groups;
}

function pushTo<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
