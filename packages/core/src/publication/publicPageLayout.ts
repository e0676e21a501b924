import { escapeHtml } from "../report/escapeHtml";
import { factCheckByline } from "../report/reportLabels";
import { toSafeHttpUrl } from "../report/toSafeHttpUrl";
import { VERDICT_LABELS, type Verdict } from "../schemas/verdict";
import { formatPublicDate } from "./formatPublicDate";
import type { PublicPageState, PublishedFactCheck } from "./PublishedFactCheck";
import { publicFactCheckUrl } from "./publicFactCheckUrl";
import { PUBLIC_PAGE_CSS_PATH } from "./publicPageStyles";
import { serializeJsonLdForHtml } from "./serializeJsonLdForHtml";

/** What a public page puts around its content. */
export interface PublicPageShell {
  title: string;
  /** The meta description, as plain text (shortened here). */
  description: string;
  /** The page's absolute address for search engines: the latest version's, whichever version is shown; none on an error page. */
  canonicalUrl: string | null;
  /** An older version's page asks not to be indexed: its canonical, the latest, is. */
  isIndexable: boolean;
  /** The one JSON-LD block, if any. */
  jsonLd: unknown;
  organisation: { name: string; url: string };
  /** The HTML inside <main>. */
  main: string;
}

const DESCRIPTION_LENGTH = 200;

/**
 * A public page as a full HTML5 document: its title, description, canonical link and the one stylesheet; a skip
 * link, the organisation's banner, <main>, and a footer. No inline style and no script but the JSON-LD data block,
 * serialised so no text closes it.
 */
export function publicPageLayout(shell: PublicPageShell): string {
  const organisationUrl = toSafeHttpUrl(shell.organisation.url);
  const organisationName = escapeHtml(shell.organisation.name);
  const organisation = organisationUrl
    ? `<a class="site-name" href="${escapeHtml(organisationUrl)}">${organisationName}</a>`
    : `<span class="site-name">${organisationName}</span>`;
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(shell.title)}</title>`,
    `<meta name="description" content="${escapeHtml(shorten(shell.description, DESCRIPTION_LENGTH))}">`,
    '<meta name="generator" content="Factmark">',
    shell.isIndexable ? "" : '<meta name="robots" content="noindex">',
    shell.canonicalUrl === null ? "" : `<link rel="canonical" href="${escapeHtml(shell.canonicalUrl)}">`,
    `<link rel="stylesheet" href="${PUBLIC_PAGE_CSS_PATH}">`,
    shell.jsonLd === undefined || shell.jsonLd === null
      ? ""
      : `<script type="application/ld+json">${serializeJsonLdForHtml(shell.jsonLd)}</script>`,
    "</head>",
    "<body>",
    '<a class="skip-link" href="#content">Skip to the fact-check</a>',
    `<header class="site-header"><p>${organisation}</p></header>`,
    '<main id="content">',
    shell.main,
    "</main>",
    `<footer class="site-footer"><p>Published by ${organisation}. Made with Factmark.</p></footer>`,
    "</body>",
    "</html>",
    "",
  ]
    .filter((part) => part.length > 0)
    .join("\n");
}

/**
 * The notices above a page's content: the retraction ("Retracted on 3 December 2026: …") on every page of every
 * version once retracted, and on an older version a line saying so with a link to the latest.
 */
export function publicPageNotices(factCheck: PublishedFactCheck, state: PublicPageState, latestPath: string): string {
  const notices: string[] = [];
  if (state.retraction) {
    notices.push(
      `<div class="notice notice-retracted" role="note"><p><strong>Retracted on ${timeHtml(state.retraction.at)}:</strong> <span dir="auto">${textHtml(state.retraction.note)}</span></p></div>`,
    );
  }
  if (factCheck.version < state.latestVersion) {
    notices.push(
      `<div class="notice" role="note"><p>This is version ${factCheck.version} of this fact-check, published on ${timeHtml(factCheck.publishedAt)}. It has been corrected since: <a href="${escapeHtml(latestPath)}">read the latest version</a>.</p></div>`,
    );
  }
  return notices.join("\n");
}

/** "Published 1 December 2026 · Updated 2 December 2026 (version 2)", the first date stable across corrections. */
export function bylineHtml(factCheck: PublishedFactCheck): string {
  const published = `Published ${timeHtml(factCheck.firstPublishedAt)}`;
  const updated =
    factCheck.version > 1 ? ` · Updated ${timeHtml(factCheck.publishedAt)} (version ${factCheck.version})` : "";
  return `<p class="byline">${escapeHtml(factCheckByline(factCheck.model.header.organisation.name))} · ${published}${updated}</p>`;
}

/**
 * A link to a public page of this fact-check, as a path from the site's root (so it works on whatever host serves
 * the page), keeping `?version=k` when an older version is shown so a reader stays in it.
 */
export function publicPath(
  factCheck: PublishedFactCheck,
  state: PublicPageState,
  options: { claimNumber?: number } = {},
): string {
  const version = factCheck.version < state.latestVersion ? factCheck.version : undefined;
  return publicFactCheckUrl(basePathOf(factCheck.publicBaseUrl), factCheck.slug, { ...options, version });
}

/** The path of the latest version's page of the fact-check or of one of its claims (no `?version`). */
export function latestPublicPath(factCheck: PublishedFactCheck, options: { claimNumber?: number } = {}): string {
  return publicFactCheckUrl(basePathOf(factCheck.publicBaseUrl), factCheck.slug, options);
}

/** Whether the page shows an older version, or one an admin retracted: neither embeds structured data. */
export function isCurrentPublication(factCheck: PublishedFactCheck, state: PublicPageState): boolean {
  return state.retraction === null && factCheck.version >= state.latestVersion;
}

export function verdictBadgeHtml(verdict: Verdict): string {
  return `<span class="badge v-${verdict}">${escapeHtml(VERDICT_LABELS[verdict])}</span>`;
}

export function timeHtml(value: string): string {
  return `<time datetime="${escapeHtml(value)}">${escapeHtml(formatPublicDate(value))}</time>`;
}

/** Escaped text whose line breaks survive. */
export function textHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, "<br>");
}

/** Text cut at a word to at most `length` characters, with an ellipsis when cut; whitespace runs made one space. */
export function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const characters = Array.from(flat);
  if (characters.length <= length) return flat;
  const cut = characters.slice(0, length - 1).join("");
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > length / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** The path part of the public base URL ("" for a site at its root), so links stay on the page's own host. */
function basePathOf(publicBaseUrl: string): string {
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(publicBaseUrl)?.[1] ?? "";
  return path.replace(/\/+$/, "");
}
