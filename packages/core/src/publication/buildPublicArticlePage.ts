import { escapeHtml } from "../report/escapeHtml";
import type { ReportClaim } from "../report/ReportModel";
import { rationaleToHtml, rationaleToPlainText } from "../report/renderRationale";
import { claimLabel, speakerLine } from "../report/reportLabels";
import { toSafeHttpUrl } from "../report/toSafeHttpUrl";
import { CONCLUSION_RATING_LABELS } from "../schemas/publication";
import type { PublicPageState, PublishedFactCheck } from "./PublishedFactCheck";
import { publicFactCheckUrl } from "./publicFactCheckUrl";
import {
  bylineHtml,
  latestPublicPath,
  publicPageLayout,
  publicPageNotices,
  publicPath,
  textHtml,
  timeHtml,
  verdictBadgeHtml,
} from "./publicPageLayout";

/**
 * The public page of a published fact-check (`/fact-checks/:slug[?version=k]`), as a full HTML5 document: the
 * article's title, who fact-checked it and when, the conclusion (rating and summary) at the top, the corrections
 * (this version's and the earlier ones, newest first), the article checked (outlet, author, date, a link to it), and
 * every published claim with its speaker and verdict, each linking to its own page. A retracted fact-check says so
 * first; an older version says it is not the latest and links to it. No working history and no internal ids: only
 * what the frozen version shows the public. Every piece of text is escaped. Pure.
 */
export function buildPublicArticlePage(factCheck: PublishedFactCheck, state: PublicPageState): string {
  const { model, conclusion } = factCheck;
  const { header } = model;
  const ratingLabel = conclusion ? CONCLUSION_RATING_LABELS[conclusion.rating] : null;
  const main = [
    "<article>",
    publicPageNotices(factCheck, state, latestPublicPath(factCheck)),
    '<header class="fact-check-header">',
    `<p class="kicker">Fact-check</p>`,
    `<h1 dir="auto">${escapeHtml(header.title)}</h1>`,
    bylineHtml(factCheck),
    "</header>",
    conclusionHtml(factCheck),
    correctionsHtml(factCheck),
    articleCheckedHtml(factCheck),
    claimsHtml(factCheck, state),
    "</article>",
  ]
    .filter((part) => part.length > 0)
    .join("\n");
  const description = conclusion
    ? `${ratingLabel}. ${rationaleToPlainText(conclusion.summary)}`
    : `A fact-check of “${header.title}” by ${header.organisation.name}: ${claimCountText(model.claims.length)} checked.`;
  return publicPageLayout({
    title: `Fact-check: ${header.title} | ${header.organisation.name}`,
    description,
    canonicalUrl: publicFactCheckUrl(factCheck.publicBaseUrl, factCheck.slug),
    isIndexable: factCheck.version >= state.latestVersion,
    jsonLd: null,
    organisation: header.organisation,
    main,
  });
}

function conclusionHtml(factCheck: PublishedFactCheck): string {
  const { conclusion } = factCheck;
  if (!conclusion) return "";
  return [
    `<section class="conclusion r-${conclusion.rating}" aria-labelledby="conclusion-heading">`,
    '<h2 id="conclusion-heading">Our conclusion</h2>',
    `<p class="verdict">Rating: <span class="badge r-${conclusion.rating}">${escapeHtml(CONCLUSION_RATING_LABELS[conclusion.rating])}</span></p>`,
    rationaleToHtml(conclusion.summary),
    "</section>",
  ].join("\n");
}

/** This version's correction and the earlier ones, newest first: "Correction, 2 December 2026: …". */
function correctionsHtml(factCheck: PublishedFactCheck): string {
  const corrections = [
    ...(factCheck.correctionNote
      ? [{ version: factCheck.version, publishedAt: factCheck.publishedAt, note: factCheck.correctionNote }]
      : []),
    ...[...factCheck.earlierCorrections].reverse(),
  ];
  if (corrections.length === 0) return "";
  const items = corrections.map(
    (correction) =>
      `<li><strong>Correction, ${timeHtml(correction.publishedAt)}:</strong> <span dir="auto">${textHtml(correction.note)}</span></li>`,
  );
  return [
    '<section id="corrections" aria-labelledby="corrections-heading">',
    '<h2 id="corrections-heading">Corrections</h2>',
    `<ul class="corrections">${items.join("")}</ul>`,
    "</section>",
  ].join("\n");
}

function articleCheckedHtml(factCheck: PublishedFactCheck): string {
  const { header } = factCheck.model;
  const sourceUrl = toSafeHttpUrl(header.sourceUrl);
  const rows: [string, string][] = [];
  if (header.outlet) rows.push(["Outlet", `<span dir="auto">${escapeHtml(header.outlet)}</span>`]);
  if (header.author) rows.push(["Author", `<span dir="auto">${escapeHtml(header.author)}</span>`]);
  if (header.publishedAt) rows.push(["Published", timeHtml(header.publishedAt)]);
  if (sourceUrl) {
    const where = header.outlet ? ` at ${escapeHtml(header.outlet)}` : "";
    rows.push(["Source", `<a href="${escapeHtml(sourceUrl)}" rel="noopener noreferrer">Read the article${where}</a>`]);
  }
  if (rows.length === 0) return "";
  return [
    '<section aria-labelledby="source-heading">',
    '<h2 id="source-heading">The article we checked</h2>',
    `<dl class="meta">${rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join("")}</dl>`,
    "</section>",
  ].join("\n");
}

function claimsHtml(factCheck: PublishedFactCheck, state: PublicPageState): string {
  const { claims } = factCheck.model;
  const body =
    claims.length === 0
      ? "<p>This fact-check rates no individual claims.</p>"
      : `<ol class="claims">${claims.map((claim) => claimHtml(factCheck, state, claim)).join("\n")}</ol>`;
  return [
    '<section aria-labelledby="claims-heading">',
    `<h2 id="claims-heading">The claims we checked</h2>`,
    body,
    "</section>",
  ].join("\n");
}

function claimHtml(factCheck: PublishedFactCheck, state: PublicPageState, claim: ReportClaim): string {
  const path = publicPath(factCheck, state, { claimNumber: claim.number });
  return [
    `<li id="claim-${claim.number}" class="v-${claim.verdict}">`,
    `<h3><span class="claim-number">${claimLabel(claim.number)}</span> <a href="${escapeHtml(path)}">“<bdi>${escapeHtml(oneLine(claim.selectors.quote.exact))}</bdi>”</a></h3>`,
    `<p class="speaker" dir="auto">${escapeHtml(speakerLine(claim.speaker))}</p>`,
    `<p class="verdict">Our verdict: ${verdictBadgeHtml(claim.verdict)}</p>`,
    "</li>",
  ].join("");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function claimCountText(count: number): string {
  return `${count} ${count === 1 ? "claim" : "claims"}`;
}
