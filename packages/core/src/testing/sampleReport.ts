// Test support only: the sample article with four claims, three links, evidence and history (an undone verdict
// change among it), as the API answers them.
import { anchor } from "../anchoring/anchor";
import { changeEvent } from "../changeLog/changeEvent";
import type { ChangeEnvelope, ChangePayload } from "../changeLog/ZChangeEvent";
import type { ReportInput } from "../report/ReportModel";
import type { Article } from "../schemas/article";
import type { Claim } from "../schemas/claim";
import type { Actor } from "../schemas/common";
import type { HistoryEvent } from "../schemas/event";
import type { Evidence } from "../schemas/evidence";
import type { Link } from "../schemas/link";
import { UNCONCLUDED_ARTICLE } from "../schemas/publication";
import type { Verdict } from "../schemas/verdict";
import { UNTOUCHED_CLAIM_WORKFLOW } from "../schemas/workflow";
import { articleText } from "../text/articleText";
import { plainTextToDoc } from "../text/plainTextToDoc";
import { readFixture } from "./readFixture";

export const LOCAL_REVIEWER: Actor = { id: "rev_local", name: "Local reviewer" };
export const SECOND_REVIEWER: Actor = { id: "rev_dana", name: "Dana Levi" };
export const ORGANISATION = { name: "Factmark Sample Desk", url: "https://factcheck.example.org" };
export const GENERATED_AT = "2026-01-15T12:00:00.000Z";

/** The seed's sample article: its first line is the title, the rest the body. */
export function sampleArticle(): Article {
  const [title = "", ...body] = readFixture("prisma/seed/iran-drones-article.txt", true).split("\n");
  const doc = plainTextToDoc(body.join("\n"));
  return {
    id: "art_iran_drones",
    title: title.trim(),
    sourceUrl: "https://news.example.com/iran-admits-supplying-russia-with-drones",
    outlet: "All Israel News",
    author: "All Israel News Staff",
    publishedAt: "2022-11-10",
    version: 1,
    createdAt: "2026-01-10T09:00:00.000Z",
    updatedAt: "2026-01-10T09:00:00.000Z",
    doc,
    text: articleText(doc),
    ...UNCONCLUDED_ARTICLE,
    // As the desk sets them before publishing: each speaker of the sample is a person.
    speakerKinds: {
      "Robert Malley": "Person",
      "Hossein Amir-Abdollahian": "Person",
      "Amir Saeid Iravani": "Person",
      "Volodymyr Zelenskyy": "Person",
    },
  };
}

interface ClaimSpec {
  id: string;
  exact: string;
  verdict: Verdict;
  speaker: string | null;
  rationale: string;
  createdAt: string;
  createdBy: Actor;
}

const CLAIMS: ClaimSpec[] = [
  {
    id: "clm_malley",
    exact: "transferred dozens [of drones to Russia] just this summer",
    verdict: "supported",
    speaker: "Robert Malley",
    rationale: "Consistent with the Ukrainian air force's count of downed Shahed-136 drones since September.",
    createdAt: "2026-01-10T09:05:00.000Z",
    createdBy: LOCAL_REVIEWER,
  },
  {
    id: "clm_amir_abdollahian",
    exact: "limited number of drones months before the Ukraine war",
    verdict: "contradicted",
    speaker: "Hossein Amir-Abdollahian",
    rationale:
      "Drones of this type were first seen over Ukraine in September 2022, seven months into the war.\n\nUS officials describe transfers *this summer*, not before February.",
    createdAt: "2026-01-10T09:02:00.000Z",
    createdBy: LOCAL_REVIEWER,
  },
  {
    id: "clm_iravani",
    exact: "totally unfounded",
    verdict: "contradicted",
    speaker: "Amir Saeid Iravani",
    rationale: 'Iran\'s own foreign minister admitted sales <see claim 1> & called the rest a "fuss".',
    createdAt: "2026-01-10T09:07:00.000Z",
    createdBy: SECOND_REVIEWER,
  },
  {
    id: "clm_zelenskyy",
    exact: "Ukraine is downing at least 10 of the remotely piloted aircraft every day",
    verdict: "unverified",
    speaker: "Volodymyr Zelenskyy",
    rationale: "",
    createdAt: "2026-01-10T09:09:00.000Z",
    createdBy: SECOND_REVIEWER,
  },
];

function claimFrom(article: Article, spec: ClaimSpec): Claim {
  const placed = anchor(article.text, { quote: { exact: spec.exact } });
  if (!placed.ok) throw new Error(`The sample claim "${spec.exact}" does not anchor: ${placed.message}`);
  return {
    id: spec.id,
    articleId: article.id,
    selectors: placed.selectors,
    verdict: spec.verdict,
    speaker: spec.speaker,
    rationale: spec.rationale,
    isOrphaned: false,
    isAnchorUnconfirmed: false,
    version: spec.verdict === "unverified" ? 1 : 2,
    createdAt: spec.createdAt,
    updatedAt: spec.verdict === "unverified" ? spec.createdAt : spec.createdAt.replace(":00.000Z", ":30.000Z"),
    createdBy: spec.createdBy,
    ...UNTOUCHED_CLAIM_WORKFLOW,
  };
}

/** The sample report's input; claims are deliberately not in document order, as a store may return them. */
export function sampleReportInput(): ReportInput {
  const article = sampleArticle();
  const claims = CLAIMS.map((spec) => claimFrom(article, spec));
  const links: Link[] = [
    {
      id: "lnk_months_vs_summer",
      articleId: article.id,
      fromClaimId: "clm_amir_abdollahian",
      toClaimId: "clm_malley",
      kind: "contradicts",
      note: "Months before the war, or dozens this summer?",
      createdAt: "2026-01-10T09:10:00.000Z",
      createdBy: LOCAL_REVIEWER,
    },
    {
      id: "lnk_unfounded_vs_summer",
      articleId: article.id,
      fromClaimId: "clm_iravani",
      toClaimId: "clm_malley",
      kind: "contradicts",
      note: null,
      createdAt: "2026-01-10T09:11:00.000Z",
      createdBy: SECOND_REVIEWER,
    },
    {
      id: "lnk_downing_supports_summer",
      articleId: article.id,
      fromClaimId: "clm_zelenskyy",
      toClaimId: "clm_malley",
      kind: "supports",
      note: null,
      createdAt: "2026-01-10T09:12:00.000Z",
      createdBy: SECOND_REVIEWER,
    },
  ];
  const evidence: Evidence[] = [
    evidenceItem("evd_first_sightings", "clm_amir_abdollahian", "contradicts", {
      url: "https://evidence.example.org/shahed-first-sightings-ukraine",
      title: "First sightings of Shahed-136 drones over Ukraine (sample evidence)",
      excerpt: "The first confirmed Shahed-136 wreckage in Ukraine was recovered in September 2022.",
    }),
    evidenceItem("evd_envoy_statement", "clm_malley", "supports", {
      url: "https://evidence.example.org/us-envoy-statement?lang=en&src=report",
      title: "US envoy's statement on Iranian drone transfers (sample evidence)",
      excerpt: null,
    }),
    evidenceItem("evd_minister_remarks", "clm_iravani", "contradicts", {
      url: "https://evidence.example.org/foreign-minister-remarks",
      title: null,
      excerpt: "Iran sold Russia a “limited number of drones”.",
    }),
  ];
  const quoteOf = new Map(claims.map((claim) => [claim.id, claim.selectors.quote.exact]));
  const zelenskyy = claims.find((claim) => claim.id === "clm_zelenskyy");
  if (!zelenskyy) throw new Error("The sample has Zelenskyy's claim.");
  // A verdict changed and then undone, so the exports show what an undo put back.
  const revertedVerdictChange = entry(
    "evt_60",
    "2026-01-10T09:15:00.000Z",
    SECOND_REVIEWER,
    zelenskyy.id,
    changeEvent.verdictChanged("unverified", "contradicted"),
  );
  const events: HistoryEvent[] = [
    entry("evt_01", "2026-01-10T09:00:00.000Z", LOCAL_REVIEWER, null, changeEvent.articleCreated(article)),
    ...claims.map((claim, index) =>
      entry(
        `evt_1${index}`,
        claim.createdAt,
        claim.createdBy,
        claim.id,
        changeEvent.claimCreated({ ...claim, verdict: "unverified" }),
      ),
    ),
    ...claims
      .filter((claim) => claim.verdict !== "unverified")
      .map((claim, index) =>
        entry(
          `evt_2${index}`,
          claim.updatedAt,
          claim.createdBy,
          claim.id,
          changeEvent.verdictChanged("unverified", claim.verdict),
        ),
      ),
    ...claims.map((claim, index) =>
      entry(
        `evt_3${index}`,
        claim.createdAt.replace(":00.000Z", ":10.000Z"),
        claim.createdBy,
        claim.id,
        changeEvent.speakerChanged(null, claim.speaker),
      ),
    ),
    ...evidence.map((item, index) =>
      entry(`evt_4${index}`, item.createdAt, item.createdBy, item.claimId, changeEvent.evidenceAdded(item)),
    ),
    // One entry per link, on the claim it starts from (the server writes one on each end).
    ...links.map((link, index) =>
      entry(
        `evt_5${index}`,
        link.createdAt,
        link.createdBy,
        link.fromClaimId,
        changeEvent.linkAdded(link, { id: link.toClaimId, exact: quoteOf.get(link.toClaimId) ?? "" }),
      ),
    ),
    revertedVerdictChange,
    entry(
      "evt_61",
      "2026-01-10T09:16:00.000Z",
      LOCAL_REVIEWER,
      zelenskyy.id,
      changeEvent.undone(revertedVerdictChange),
    ),
  ];
  return {
    article,
    claims,
    links,
    evidence,
    events,
    generatedAt: GENERATED_AT,
    organisation: ORGANISATION,
  };
}

/**
 * `input` with its undo entries as the server wrote them before undos carried values: the reverted
 * entry's id and action only, so a reader finds the values in that entry.
 */
export function withUndoEntriesWithoutValues(input: ReportInput): ReportInput {
  const events = input.events.map((event): HistoryEvent => {
    if (event.action !== "claim.undone") return event;
    return { ...event, from: { eventId: event.from.eventId, action: event.from.action } };
  });
  return { ...input, events };
}

function evidenceItem(
  id: string,
  claimId: string,
  stance: Evidence["stance"],
  fields: Pick<Evidence, "url" | "title" | "excerpt">,
): Evidence {
  return {
    id,
    claimId,
    stance,
    ...fields,
    version: 1,
    createdAt: "2026-01-10T09:20:00.000Z",
    updatedAt: "2026-01-10T09:20:00.000Z",
    createdBy: LOCAL_REVIEWER,
  };
}

/** A history entry: who made the change, when and on which claim (null: the article), and what it was. */
function entry<Payload extends ChangePayload>(
  id: string,
  at: string,
  by: Actor,
  claimId: string | null,
  payload: Payload,
): ChangeEnvelope & Payload {
  // Fields in the order the API answers them: `action` before `claimId`, then the values.
  return Object.assign({ id, at, by, action: payload.action, claimId }, payload);
}
