import { escapeHtml, PUBLIC_PAGE_CSS_PATH } from "@factmark/core";

/** What a public error page says: a heading, a sentence or two, and where to go instead. */
export interface PublicErrorPage {
  title: string;
  message: string;
  link?: { href: string; text: string };
}

/**
 * The page a public address answers when it names no fact-check, version or claim, or is not one Factmark makes:
 * a full HTML5 document in the public pages' style (their one stylesheet, no inline style, no script), saying what
 * is not there and linking to what is. Every piece of text is escaped.
 */
export function buildPublicErrorPage({ title, message, link }: PublicErrorPage): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<meta name="robots" content="noindex">',
    `<link rel="stylesheet" href="${PUBLIC_PAGE_CSS_PATH}">`,
    "</head>",
    "<body>",
    '<main id="content">',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(message)}</p>`,
    link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : "",
    "</main>",
    "</body>",
    "</html>",
    "",
  ]
    .filter((line) => line.length > 0)
    .join("\n");
}
