import { compareClaimsInDocumentOrder } from "../schemas/claim";
import type { Actor } from "../schemas/common";
import type { HistoryEvent } from "../schemas/event";
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
  const linksByClaim = new Map<string, ReportClaimLink[]>();
  for (const link of links) {
    pushTo(linksByClaim, link.fromClaimId, claimLink(link, "outgoing", link.toClaimId, numberById));
    pushTo(linksByClaim, link.toClaimId, claimLink(link, "incoming", link.fromClaimId, numberById));
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
  const claims = sortedClaims.map((claim, index): ReportClaim => {
    counts[claim.verdict] += 1;
    const claimEvents = eventsByClaim.get(claim.id) ?? [];
    return {
      ...claim,
      number: index + 1,
      verdictLabel: VERDICT_LABELS[claim.verdict],
      evidence: (evidenceByClaim.get(claim.id) ?? []).map(
        (item): ReportEvidence => ({ ...item, stanceLabel: EVIDENCE_STANCE_LABELS[item.stance] }),
      ),
      links: (linksByClaim.get(claim.id) ?? []).sort((a, b) => a.otherClaimNumber - b.otherClaimNumber),
      history: claimEvents.slice(-REPORT_HISTORY_LIMIT).map((event) => ({
        at: event.at,
        by: creditName(event.by, event.originalActorName),
        action: event.action,
        summary: describeHistoryEvent(event, { events: claimEvents }),
      })),
      historyTotal: claimEvents.length,
    };
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

/** A URL without its trailing slashes, so paths can be appended to it. */
export function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

function claimLink(
  link: Link,
  direction: "outgoing" | "incoming",
  otherClaimId: string,
  numberById: Map<string, number>,
): ReportClaimLink {
  return {
    linkId: link.id,
    kind: link.kind,
    label: LINK_KIND_LABELS[link.kind][direction],
    otherClaimId,
    otherClaimNumber: numberById.get(otherClaimId) ?? 0,
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
