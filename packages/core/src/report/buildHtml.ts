import { CONCLUSION_RATING_LABELS, CONCLUSION_RATINGS } from "../schemas/publication";
import { VERDICT_LABELS, VERDICTS, type Verdict } from "../schemas/verdict";
import { type ArticleSegment, buildArticleSegments } from "./buildArticleSegments";
import { buildVerdictChartSvg, VERDICT_COLOURS } from "./buildVerdictChartSvg";
import { describeVerdictOverlap, isClaimCountShown } from "./describeVerdictOverlap";
import { escapeHtml } from "./escapeHtml";
import { formatReportDate } from "./formatReportDate";
import type { ReportClaim, ReportContradiction, ReportModel, ReportPairSide } from "./ReportModel";
import { rationaleToHtml } from "./renderRationale";
import {
  CONCLUSION_RATING_COLOURS,
  claimLabel,
  factCheckByline,
  orphanedClaimsLine,
  REPORT_GENERATED_LABEL,
  speakerLine,
  summariseVerdictCounts,
  VERDICT_STYLES,
} from "./reportLabels";
import { toSafeHttpUrl } from "./toSafeHttpUrl";

export interface BuildHtmlOptions {
  /** Append the full article with the claims highlighted (default true). */
  includeArticle?: boolean;
}

/**
 * The report as one self-contained HTML document: inline CSS, no scripts, no external resources, printable.
 * Every piece of user text is escaped; only http(s) URLs become links. Blocks that hold user text carry
 * `dir="auto"`, so a right-to-left paragraph is laid out right to left.
 */
export function buildHtml(model: ReportModel, options: BuildHtmlOptions = {}, pieces?: HtmlPieces): string {
  const { header } = model;
  const includeArticle = options.includeArticle ?? true;
  // One join at the end: the claims and the article are most of the document, and are copied once.
  const parts = [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Factmark">',
    `<title>Fact-check: ${escapeHtml(header.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    headerHtml(model),
    conclusionHtml(model),
    summaryHtml(model),
    contradictionsHtml(model.contradictions),
  ];
  pushClaimsHtml(parts, model.claims, pieces);
  if (includeArticle) pushArticleHtml(parts, model, pieces);
  parts.push(
    "</main>",
    `<footer><p>${escapeHtml(factCheckByline(header.organisation.name))} · ${REPORT_GENERATED_LABEL} ${timeHtml(header.generatedAt)} with Factmark.</p></footer>`,
    "</body>",
    "</html>",
  );
  return parts.filter((part) => part.length > 0).join("\n");
}

function headerHtml(model: ReportModel): string {
  const { header } = model;
  const sourceUrl = toSafeHttpUrl(header.sourceUrl);
  const rows: [string, string][] = [];
  if (header.outlet) rows.push(["Outlet", escapeHtml(header.outlet)]);
  if (header.author) rows.push(["Author", escapeHtml(header.author)]);
  if (sourceUrl) rows.push(["Source", `<a href="${escapeHtml(sourceUrl)}">${escapeHtml(sourceUrl)}</a>`]);
  if (header.publishedAt) rows.push(["Published", timeHtml(header.publishedAt)]);
  if (header.reviewers.length > 0) rows.push(["Reviewed by", escapeHtml(header.reviewers.join(", "))]);
  rows.push([REPORT_GENERATED_LABEL, timeHtml(header.generatedAt)]);
  return [
    "<header>",
    `<p class="kicker">${escapeHtml(factCheckByline(header.organisation.name))}</p>`,
    `<h1 dir="auto">${escapeHtml(header.title)}</h1>`,
    `<dl class="meta">${rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join("")}</dl>`,
    "</header>",
  ].join("\n");
}

/** The article's conclusion, rating and summary, first after the header; nothing when there is none yet. */
function conclusionHtml(model: ReportModel): string {
  const { conclusion } = model.article;
  if (!conclusion) return "";
  return [
    `<section aria-labelledby="conclusion-heading" class="conclusion r-${conclusion.rating}">`,
    '<h2 id="conclusion-heading">Conclusion</h2>',
    `<p class="rating">Rating: <span class="badge r-${conclusion.rating}">${escapeHtml(CONCLUSION_RATING_LABELS[conclusion.rating])}</span></p>`,
    `<div class="rationale">${rationaleToHtml(conclusion.summary)}</div>`,
    "</section>",
  ].join("\n");
}

function summaryHtml(model: ReportModel): string {
  const orphans = model.orphanCount > 0 ? ` ${orphanedClaimsLine(model.orphanCount)}` : "";
  return [
    '<section aria-labelledby="summary-heading">',
    '<h2 id="summary-heading">Summary</h2>',
    `<p>${summariseVerdictCounts(model.counts)}${orphans}</p>`,
    `<figure class="chart">${buildVerdictChartSvg(model.counts)}</figure>`,
    "</section>",
  ].join("\n");
}

function contradictionsHtml(contradictions: ReportContradiction[]): string {
  if (contradictions.length === 0) return "";
  const items = contradictions.map((pair) =>
    [
      '<li class="pair">',
      `<div class="side">${pairSideHtml(pair.left)}</div>`,
      '<p class="versus">contradicts</p>',
      `<div class="side">${pairSideHtml(pair.right)}</div>`,
      pair.note ? `<p class="note" dir="auto">${textHtml(pair.note)}</p>` : "",
      "</li>",
    ].join(""),
  );
  return [
    '<section aria-labelledby="contradictions-heading">',
    '<h2 id="contradictions-heading">Contradictions</h2>',
    `<ul class="pairs">${items.join("\n")}</ul>`,
    "</section>",
  ].join("\n");
}

function pairSideHtml(side: ReportPairSide): string {
  return [
    `<p class="claim-ref"><a href="#claim-${escapeHtml(side.claimId)}">${claimLabel(side.number)}</a> ${badgeHtml(side.verdict)}</p>`,
    `<blockquote dir="auto">${textHtml(side.quote)}</blockquote>`,
    `<p class="speaker" dir="auto">${escapeHtml(speakerLine(side.speaker))}</p>`,
  ].join("");
}

/**
 * What buildHtml made before, kept for the next build of the same article: each claim's item by the ReportClaim
 * object (a pure function of it), and each paragraph of the article section by all it shows (its text, and each
 * run of it: its length, the numbers and verdicts of the claims covering it). The paragraphs are those of the
 * last build only, so what is kept stays the size of one article.
 */
export interface HtmlPieces {
  claims: WeakMap<ReportClaim, string>;
  /** A paragraph's <p> element by its key (see `paragraphKey`), from the last build. */
  paragraphs: Map<string, string>;
  /** How many paragraphs the last build rendered rather than took from `paragraphs`. */
  paragraphsRendered: number;
}

export function createHtmlPieces(): HtmlPieces {
  return { claims: new WeakMap(), paragraphs: new Map(), paragraphsRendered: 0 };
}

/** Appends the claims section to `lines`, one line per claim item. */
function pushClaimsHtml(lines: string[], claims: ReportClaim[], pieces: HtmlPieces | undefined): void {
  lines.push('<section aria-labelledby="claims-heading">', '<h2 id="claims-heading">Claims</h2>');
  if (claims.length === 0) lines.push("<p>No claims have been marked in this article yet.</p>");
  claims.forEach((claim, index) => {
    const html = keptClaimHtml(claim, pieces);
    const open = index === 0 ? '<ol class="claims">' : "";
    const close = index === claims.length - 1 ? "</ol>" : "";
    lines.push(open || close ? `${open}${html}${close}` : html);
  });
  lines.push("</section>");
}

function keptClaimHtml(claim: ReportClaim, pieces: HtmlPieces | undefined): string {
  let html = pieces?.claims.get(claim);
  if (html === undefined) {
    html = claimHtml(claim);
    pieces?.claims.set(claim, html);
  }
  return html;
}

function claimHtml(claim: ReportClaim): string {
  const id = `claim-${escapeHtml(claim.id)}`;
  const parts = [
    `<li id="${id}" class="claim v-${claim.verdict}">`,
    `<h3>${claimLabel(claim.number)} ${badgeHtml(claim.verdict)}${claim.isOrphaned ? ' <span class="orphan">Orphaned</span>' : ""}${claim.isAnchorUnconfirmed ? ' <span class="orphan">Moved — to be checked</span>' : ""}</h3>`,
    `<blockquote dir="auto">${textHtml(claim.selectors.quote.exact)}</blockquote>`,
    `<p class="speaker" dir="auto">${escapeHtml(speakerLine(claim.speaker))}</p>`,
  ];
  const rationale = rationaleToHtml(claim.rationale);
  if (rationale) parts.push(`<h4>Rationale</h4><div class="rationale">${rationale}</div>`);
  if (claim.evidence.length > 0) {
    const items = claim.evidence.map((item) => {
      const url = toSafeHttpUrl(item.url);
      const title = escapeHtml(item.title ?? item.url);
      const link = url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${title}</a>` : title;
      const excerpt = item.excerpt ? `<blockquote dir="auto">${textHtml(item.excerpt)}</blockquote>` : "";
      return `<li class="stance-${item.stance}" dir="auto">${link} <span class="stance">${escapeHtml(item.stanceLabel)}</span>${excerpt}</li>`;
    });
    parts.push(`<h4>Evidence</h4><ul class="evidence">${items.join("")}</ul>`);
  }
  if (claim.links.length > 0) {
    const items = claim.links.map(
      (link) =>
        `<li dir="auto">${escapeHtml(link.label)} <a href="#claim-${escapeHtml(link.otherClaimId)}">${claimLabel(link.otherClaimNumber)}</a>${link.note ? `: ${textHtml(link.note)}` : ""}</li>`,
    );
    parts.push(`<h4>Links</h4><ul class="links">${items.join("")}</ul>`);
  }
  if (claim.history.length > 0) {
    const items = claim.history.map(
      (entry) => `<li>${timeHtml(entry.at)} · ${escapeHtml(entry.by)} ${escapeHtml(entry.summary)}</li>`,
    );
    const more = claim.historyTotal - claim.history.length;
    const earlier =
      more > 0 ? `<p class="more">${more} earlier ${more === 1 ? "change" : "changes"} not shown.</p>` : "";
    parts.push(`<h4>History</h4>${earlier}<ol class="history">${items.join("")}</ol>`);
  }
  parts.push("</li>");
  return parts.join("\n");
}

/**
 * Appends the article section to `lines`, with the claims marked: one <p> per line of the article's text.
 * A paragraph kept in `pieces` under the same key is reused as it is; the rest are rendered.
 */
function pushArticleHtml(lines: string[], model: ReportModel, pieces?: HtmlPieces): void {
  const kept = pieces?.paragraphs;
  const next = new Map<string, string>();
  let rendered = 0;
  let runs: [string, ArticleSegment][] = [];
  const closeParagraph = () => {
    const key = paragraphKey(runs);
    let html = kept?.get(key) ?? next.get(key);
    if (html === undefined) {
      html = `<p dir="auto">${runs.map(([line, segment]) => segmentHtml(segment, line)).join("")}</p>`;
      rendered += 1;
    }
    next.set(key, html);
    lines.push(html);
    runs = [];
  };
  lines.push(
    '<section aria-labelledby="article-heading" class="article">',
    '<h2 id="article-heading">The article, with the claims marked</h2>',
  );
  for (const segment of buildArticleSegments(model)) {
    const segmentLines = segment.text.split("\n");
    segmentLines.forEach((line, index) => {
      if (index > 0) closeParagraph();
      if (line.length > 0) runs.push([line, segment]);
    });
  }
  closeParagraph();
  lines.push("</section>");
  if (pieces) {
    pieces.paragraphs = next;
    pieces.paragraphsRendered = rendered;
  }
}

/**
 * Everything a paragraph's HTML is drawn from: each run's length, the numbers and verdicts of the claims covering
 * it (none for plain text), then the paragraph's text after a line break, which no run's description holds.
 */
function paragraphKey(runs: [string, ArticleSegment][]): string {
  let described = "";
  let text = "";
  for (const [line, segment] of runs) {
    described += `${line.length} ${segment.claimNumbers.join(",")} ${segment.verdicts.join(",")};`;
    text += line;
  }
  return `${described}\n${text}`;
}

/**
 * A run of the article with one underline per verdict on it: the most severe verdict on the <mark> nearest
 * the text, each further one on a wrapping span drawn a little lower, so overlapping claims hide no verdict.
 */
function segmentHtml(segment: ArticleSegment, line: string): string {
  const [nearest, ...further] = segment.verdicts;
  if (!nearest) return escapeHtml(line);
  const count = segment.claimNumbers.length;
  const numbers = [...segment.claimNumbers].sort((a, b) => a - b);
  const label = `${describeVerdictOverlap(segment.verdicts, count)} (${numbers.map(claimLabel).join(", ")})`;
  const countAttribute = isClaimCountShown(line, count) ? ` data-claims="${count}"` : "";
  let html = `<mark class="hl l0 u-${nearest}" title="${escapeHtml(label)}"${countAttribute}>${escapeHtml(line)}</mark>`;
  further.forEach((verdict, index) => {
    html = `<span class="hl-layer l${index + 1} u-${verdict}">${html}</span>`;
  });
  // Heard by screen readers, as the editor's label is; not seen, and not copied with the text.
  return `<span class="sr" dir="ltr">${escapeHtml(describeVerdictOverlap(segment.verdicts, count))}: </span>${html}`;
}

function badgeHtml(verdict: Verdict): string {
  return `<span class="badge v-${verdict}">${escapeHtml(VERDICT_LABELS[verdict])}</span>`;
}

function timeHtml(value: string): string {
  return `<time datetime="${escapeHtml(value)}">${escapeHtml(formatReportDate(value))}</time>`;
}

/** Escaped text whose line breaks survive. */
function textHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, "<br>");
}

const STYLE = [
  `:root{color-scheme:light;--supported:${VERDICT_COLOURS.supported};--contradicted:${VERDICT_COLOURS.contradicted};--unverified:${VERDICT_COLOURS.unverified}}`,
  "body{margin:0;font:16px/1.55 Georgia,'Times New Roman',serif;color:#1b1f24;background:#fff}",
  // Whatever people typed wraps, even one unbroken word: nothing may widen the page.
  "main *,footer *{min-width:0;overflow-wrap:anywhere}",
  "main,footer{max-width:52rem;margin:0 auto;padding:0 1.25rem}",
  "h1,h2,h3,h4,.kicker,.meta,.badge,.speaker,.versus,.chart,footer{font-family:system-ui,-apple-system,'Segoe UI',sans-serif}",
  "h1{font-size:1.9rem;line-height:1.2;margin:.3rem 0 1rem}",
  "h2{font-size:1.35rem;margin:2.2rem 0 .8rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}",
  "h3{font-size:1.05rem;margin:0 0 .5rem}h4{font-size:.9rem;margin:.9rem 0 .3rem;text-transform:uppercase;letter-spacing:.04em;color:#57606a}",
  ".kicker{margin:1.5rem 0 0;color:#57606a;font-size:.9rem;text-transform:uppercase;letter-spacing:.06em}",
  ".meta{display:grid;grid-template-columns:fit-content(40%) minmax(0,1fr);gap:.2rem 1rem;font-size:.92rem;margin:0}",
  ".meta div{display:contents}.meta dt{color:#57606a}.meta dd{margin:0;overflow-wrap:anywhere}",
  "blockquote{margin:.4rem 0;padding:.3rem .9rem;border-left:4px solid #d0d7de;background:#f6f8fa}",
  ".badge{display:inline-block;font-size:.78rem;font-weight:600;padding:.05rem .5rem;border-radius:1rem;color:#fff;vertical-align:middle}",
  ".badge.v-supported{background:var(--supported)}.badge.v-contradicted{background:var(--contradicted)}.badge.v-unverified{background:var(--unverified)}",
  ".claims{list-style:none;padding:0;margin:0}",
  ".claim{border:1px solid #d0d7de;border-left-width:6px;border-radius:6px;padding:.9rem 1rem;margin:0 0 1rem;break-inside:avoid}",
  ...VERDICTS.map(
    (verdict) =>
      `.claim.v-${verdict}{border-left-color:var(--${verdict});border-left-style:${VERDICT_STYLES[verdict].border}}`,
  ),
  ".speaker{margin:.3rem 0;font-size:.92rem;color:#3d444d}.orphan{font-size:.78rem;color:#9a6700;border:1px solid #9a6700;border-radius:1rem;padding:0 .4rem}",
  ".pairs{list-style:none;padding:0;margin:0}",
  ".pair{display:grid;grid-template-columns:minmax(0,1fr) auto minmax(0,1fr);gap:.8rem;align-items:start;margin:0 0 1rem;break-inside:avoid}",
  ".pair .note{grid-column:1/-1;margin:0;font-style:italic}.versus{align-self:center;font-size:.8rem;color:#57606a;margin:0}",
  ".claim-ref{margin:0;font-family:system-ui,sans-serif;font-size:.9rem}",
  ".evidence,.links,.history{margin:.2rem 0;padding-left:1.2rem}.stance{font-size:.8rem;color:#57606a}",
  ".history{font-size:.88rem;color:#3d444d}.more{font-size:.85rem;color:#57606a;margin:.2rem 0}",
  ".rationale ul,.rationale ol{margin:.3rem 0;padding-left:1.4rem}.rationale p{margin:.4rem 0}",
  ".conclusion{border:1px solid #d0d7de;border-left-width:6px;border-radius:6px;padding:.2rem 1rem .6rem;background:#f6f8fa}",
  ".conclusion h2{border-bottom:none;margin-top:.6rem}.rating{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:.2rem 0}",
  ...CONCLUSION_RATINGS.map(
    (rating) =>
      `.badge.r-${rating}{background:${CONCLUSION_RATING_COLOURS[rating]}}.conclusion.r-${rating}{border-left-color:${CONCLUSION_RATING_COLOURS[rating]}}`,
  ),
  "a{color:#0550ae;overflow-wrap:anywhere}",
  "mark{background:none;color:inherit;padding:0 .05em}",
  ".article p{line-height:1.9}",
  ".hl,.hl-layer{text-decoration-line:underline;text-decoration-thickness:2px;text-decoration-skip-ink:none}",
  ".l0{text-underline-offset:3px}.l1{text-underline-offset:10px}.l2{text-underline-offset:15px}",
  ...VERDICTS.map(
    (verdict) =>
      `.u-${verdict}{text-decoration-style:${VERDICT_STYLES[verdict].underline};text-decoration-color:var(--${verdict})}` +
      `mark.u-${verdict}{background:${VERDICT_STYLES[verdict].tint}}`,
  ),
  "mark[data-claims]{position:relative}",
  ".sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;user-select:none}",
  'mark[data-claims]::after{content:attr(data-claims) / "";position:absolute;top:-.55em;right:-.2em;font:600 .6rem/1 system-ui,sans-serif;color:#fff;background:#1b1f24;border-radius:1em;padding:.1em .3em}',
  ".chart{margin:1rem 0}.chart svg{max-width:100%;height:auto}.chart-label,.chart-count{font:13px system-ui,sans-serif;fill:#1b1f24}",
  "footer{margin:3rem auto 2rem;font-size:.85rem;color:#57606a;border-top:1px solid #d0d7de}",
  "@media print{body{font-size:11pt}main,footer{max-width:none}a{color:inherit}h2{break-after:avoid}.claim,.pair{break-inside:avoid}",
  "mark,.badge,blockquote{-webkit-print-color-adjust:exact;print-color-adjust:exact}}",
].join("");
