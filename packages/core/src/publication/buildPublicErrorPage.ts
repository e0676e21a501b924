import { escapeHtml } from "../report/escapeHtml";
import type { ReportOrganisation } from "../report/ReportModel";
import { publicPageLayout } from "./publicPageLayout";

/** What a public error page says: a heading, a sentence or two, and where to go instead. */
export interface PublicErrorPage {
  title: string;
  message: string;
  link?: { href: string; text: string };
}

/**
 * The page a public address answers when it names no fact-check, version or claim, or is not one Factmark makes:
 * the public pages' own layout (their stylesheet, the organisation's banner, no script), not indexed, saying what is
 * not there and linking to what is. Every piece of text is escaped.
 */
export function buildPublicErrorPage(
  { title, message, link }: PublicErrorPage,
  organisation: ReportOrganisation,
): string {
  const main = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(message)}</p>`,
    link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : "",
  ].join("\n");
  return publicPageLayout({
    title,
    description: message,
    canonicalUrl: null,
    isIndexable: false,
    jsonLd: null,
    organisation,
    main,
  });
}
