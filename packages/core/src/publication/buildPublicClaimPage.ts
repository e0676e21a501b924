import { escapeHtml } from "../report/escapeHtml";
import type { ReportClaim } from "../report/ReportModel";
import { rationaleToHtml } from "../report/renderRationale";
import { claimLabel, factCheckByline, speakerLine } from "../report/reportLabels";
import { toSafeHttpUrl } from "../report/toSafeHttpUrl";
import { buildPublishedClaimReview } from "./buildPublishedClaimReview";
import type { PublicPageState, PublishedFactCheck } from "./PublishedFactCheck";
import { publicFactCheckUrl } from "./publicFactCheckUrl";
import {
  bylineHtml,
  isCurrentPublication,
  latestPublicPath,
  publicPageLayout,
  publicPageNotices,
  publicPath,
  shorten,
  textHtml,
  timeHtml,
  verdictBadgeHtml,
} from "./publicPageLayout";

const TITLE_QUOTE_LENGTH = 80;

/**
 * The public page of one claim of a published fact-check (`/fact-checks/:slug/claims/:n[?version=k]`), as a full
 * HTML5 document: the quote, its speaker, the verdict, the rationale (core's one renderer: lists and links), the
 * evidence with links to it, the claims it contradicts or supports (linked), the article it appeared in, and a link
 * back to the fact-check's page. Null when this version has no claim `claimNumber`.
 *
 * The latest version's page, unless retracted, embeds exactly one `<script type="application/ld+json">`: this
 * claim's ClaimReview (buildPublishedClaimReview), serialised so no text closes the script. An older version's
 * page embeds none (it asks not to be indexed, and its numbering may differ from the latest's), nor does any page
 * of a retracted fact-check (its ratings are withdrawn): both say so in a notice instead. Pure.
 */
export function buildPublicClaimPage(
  factCheck: PublishedFactCheck,
  claimNumber: number,
  state: PublicPageState,
): string | null {
  const { model } = factCheck;
  const claim = model.claims.find((candidate) => candidate.number === claimNumber);
  if (!claim) return null;
  const { header } = model;
  const quote = claim.selectors.quote.exact.replace(/\s+/g, " ").trim();
  const articlePath = publicPath(factCheck, state);
  const main = [
    "<article>",
    publicPageNotices(factCheck, state, latestPublicPath(factCheck, { claimNumber })),
    `<nav class="back" aria-label="Fact-check"><a href="${escapeHtml(articlePath)}">Back to the fact-check of “<bdi>${escapeHtml(header.title)}</bdi>”</a></nav>`,
    "<header>",
    `<p class="kicker">${claimLabel(claim.number)} · Fact-check · ${claimCountText(model.claims.length)} checked</p>`,
    `<h1 dir="auto">“${escapeHtml(quote)}”</h1>`,
    `<p class="speaker" dir="auto">${escapeHtml(speakerLine(claim.speaker))}</p>`,
    `<p class="verdict">Our verdict: ${verdictBadgeHtml(claim.verdict)}</p>`,
    bylineHtml(factCheck),
    "</header>",
    rationaleHtml(claim),
    evidenceHtml(claim),
    relatedHtml(factCheck, state, claim),
    appearanceHtml(factCheck),
    `<p><a href="${escapeHtml(articlePath)}">Read the whole fact-check${factCheck.conclusion ? ", with our conclusion" : ""}</a></p>`,
    "</article>",
  ]
    .filter((part) => part.length > 0)
    .join("\n");
  const speaker = claim.speaker ? ` (${claim.speaker})` : "";
  return publicPageLayout({
    title: `${claim.verdictLabel}: “${shorten(quote, TITLE_QUOTE_LENGTH)}” | ${factCheckByline(header.organisation.name)}`,
    description: `${claim.verdictLabel}: “${quote}”${speaker}. ${claimLabel(claim.number)} of ${header.organisation.name}'s fact-check of “${header.title}”.`,
    canonicalUrl: publicFactCheckUrl(factCheck.publicBaseUrl, factCheck.slug, { claimNumber }),
    isIndexable: factCheck.version >= state.latestVersion,
    jsonLd: isCurrentPublication(factCheck, state) ? buildPublishedClaimReview(factCheck, claimNumber) : null,
    organisation: header.organisation,
    main,
  });
}

function claimCountText(count: number): string {
  return `${count} ${count === 1 ? "claim" : "claims"}`;
}

function rationaleHtml(claim: ReportClaim): string {
  const body = rationaleToHtml(claim.rationale);
  if (!body) return "";
  return [
    '<section aria-labelledby="rationale-heading">',
    '<h2 id="rationale-heading">Why we rated it so</h2>',
    body,
    "</section>",
  ].join("\n");
}

function evidenceHtml(claim: ReportClaim): string {
  if (claim.evidence.length === 0) return "";
  const items = claim.evidence.map((item) => {
    const url = toSafeHttpUrl(item.url);
    const title = `<span dir="auto">${escapeHtml(item.title ?? item.url)}</span>`;
    const link = url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${title}</a>` : title;
    const excerpt = item.excerpt ? `<blockquote dir="auto">${textHtml(item.excerpt)}</blockquote>` : "";
    return `<li>${link} <span class="stance">(${escapeHtml(item.stanceLabel)})</span>${excerpt}</li>`;
  });
  return [
    '<section aria-labelledby="evidence-heading">',
    '<h2 id="evidence-heading">Evidence</h2>',
    `<ul class="evidence">${items.join("")}</ul>`,
    "</section>",
  ].join("\n");
}

function relatedHtml(factCheck: PublishedFactCheck, state: PublicPageState, claim: ReportClaim): string {
  if (claim.links.length === 0) return "";
  const quoteByNumber = new Map(factCheck.model.claims.map((other) => [other.number, other.selectors.quote.exact]));
  const items = claim.links.map((link) => {
    const path = publicPath(factCheck, state, { claimNumber: link.otherClaimNumber });
    const otherQuote = (quoteByNumber.get(link.otherClaimNumber) ?? "").replace(/\s+/g, " ").trim();
    const note = link.note ? `: <span dir="auto">${textHtml(link.note)}</span>` : "";
    return `<li>${escapeHtml(link.label)} <a href="${escapeHtml(path)}">${claimLabel(link.otherClaimNumber)}, “<bdi>${escapeHtml(otherQuote)}</bdi>”</a>${note}</li>`;
  });
  return [
    '<section aria-labelledby="related-heading">',
    '<h2 id="related-heading">Related claims</h2>',
    `<ul class="related">${items.join("")}</ul>`,
    "</section>",
  ].join("\n");
}

function appearanceHtml(factCheck: PublishedFactCheck): string {
  const { header } = factCheck.model;
  const sourceUrl = toSafeHttpUrl(header.sourceUrl);
  const title = `“<bdi>${escapeHtml(header.title)}</bdi>”`;
  const article = sourceUrl ? `<a href="${escapeHtml(sourceUrl)}" rel="noopener noreferrer">${title}</a>` : title;
  const outlet = header.outlet ? `, <span dir="auto">${escapeHtml(header.outlet)}</span>` : "";
  const author = header.author ? `, by <span dir="auto">${escapeHtml(header.author)}</span>` : "";
  const date = header.publishedAt ? `, ${timeHtml(header.publishedAt)}` : "";
  return [
    '<section aria-labelledby="appearance-heading">',
    '<h2 id="appearance-heading">Where the claim appeared</h2>',
    `<p>${article}${outlet}${author}${date}.</p>`,
    "</section>",
  ].join("\n");
}
