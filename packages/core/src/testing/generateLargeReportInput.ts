// Benchmark support: a large, deterministic report input (a 50,000-word article by default) for timing the builders.
import { selectorsForRange } from "../anchoring/selectorsForRange";
import { changeEvent } from "../changeLog/changeEvent";
import type { ReportInput } from "../report/ReportModel";
import type { Claim } from "../schemas/claim";
import type { HistoryEvent } from "../schemas/event";
import type { Evidence } from "../schemas/evidence";
import type { Link } from "../schemas/link";
import { UNCONCLUDED_ARTICLE } from "../schemas/publication";
import { VERDICTS } from "../schemas/verdict";
import { UNTOUCHED_CLAIM_WORKFLOW } from "../schemas/workflow";
import { articleText } from "../text/articleText";
import { plainTextToDoc } from "../text/plainTextToDoc";

const WORDS = [
  "drones",
  "Iran",
  "Russia",
  "envoy",
  "summer",
  "minister",
  "said",
  "the",
  "war",
  "dozens",
  "sold",
  "“limited”",
  "🛩️",
  "ایران",
];

export interface LargeReportSize {
  words: number;
  claims: number;
  links: number;
  evidence: number;
}

export function generateLargeReportInput(
  size: LargeReportSize = { words: 50_000, claims: 2_000, links: 500, evidence: 1_000 },
): ReportInput {
  const paragraphs: string[] = [];
  for (let word = 0, paragraph: string[] = []; word < size.words; word += 1) {
    paragraph.push(WORDS[(word * 7 + Math.floor(word / 13)) % WORDS.length] as string);
    if (paragraph.length === 80 || word === size.words - 1) {
      paragraphs.push(paragraph.join(" "));
      paragraph = [];
    }
  }
  const doc = plainTextToDoc(paragraphs.join("\n"));
  const text = articleText(doc);
  const at = "2026-01-10T09:00:00.000Z";
  const by = { id: "rev_bench", name: "Benchmark" };
  const stride = Math.floor(text.length / size.claims);
  const claims: Claim[] = Array.from({ length: size.claims }, (_, index) => {
    const start = offSurrogate(text, index * stride);
    const end = offSurrogate(text, Math.min(text.length, start + Math.max(1, Math.floor(stride / 2))));
    return {
      id: `clm_${index}`,
      articleId: "art_bench",
      selectors: selectorsForRange(text, start, end),
      verdict: VERDICTS[index % VERDICTS.length] as Claim["verdict"],
      speaker: index % 5 === 0 ? null : `Speaker ${index % 40}`,
      rationale: index % 3 === 0 ? "" : `Rationale for claim ${index}, with "quotes", <angle brackets> & commas.`,
      isOrphaned: false,
      isAnchorUnconfirmed: false,
      version: 1,
      createdAt: at,
      updatedAt: at,
      createdBy: by,
      ...UNTOUCHED_CLAIM_WORKFLOW,
    };
  });
  const links: Link[] = Array.from({ length: size.links }, (_, index) => ({
    id: `lnk_${index}`,
    articleId: "art_bench",
    fromClaimId: `clm_${(index * 2) % size.claims}`,
    toClaimId: `clm_${(index * 2 + 1) % size.claims}`,
    kind: index % 2 === 0 ? "contradicts" : "supports",
    note: index % 4 === 0 ? `Note ${index}` : null,
    createdAt: at,
    createdBy: by,
  }));
  const evidence: Evidence[] = Array.from({ length: size.evidence }, (_, index) => ({
    id: `evd_${index}`,
    claimId: `clm_${(index * 3) % size.claims}`,
    url: `https://evidence.example.org/source/${index}?ref=bench`,
    title: `Source ${index}`,
    excerpt: index % 2 === 0 ? `An excerpt of source ${index}.` : null,
    stance: (["supports", "contradicts", "context"] as const)[index % 3] as Evidence["stance"],
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: by,
  }));
  const events: HistoryEvent[] = claims.flatMap((claim, index) => [
    {
      id: `evt_c${index}`,
      at,
      by,
      claimId: claim.id,
      ...changeEvent.claimCreated({ ...claim, verdict: "unverified" }),
    },
    { id: `evt_v${index}`, at, by, claimId: claim.id, ...changeEvent.verdictChanged("unverified", claim.verdict) },
  ]);
  return {
    article: {
      id: "art_bench",
      ...UNCONCLUDED_ARTICLE,
      title: "A generated 50,000-word article",
      sourceUrl: "https://news.example.com/bench",
      outlet: "Bench",
      author: null,
      publishedAt: "2022-11-10",
      version: 1,
      createdAt: at,
      updatedAt: at,
      doc,
      text,
    },
    claims,
    links,
    evidence,
    events,
    generatedAt: "2026-01-15T12:00:00.000Z",
    organisation: { name: "Bench Desk", url: "https://factcheck.example.org" },
  };
}

/** An offset moved forward off the middle of a surrogate pair, as a real selection never splits an emoji. */
function offSurrogate(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff ? offset + 1 : offset;
}
