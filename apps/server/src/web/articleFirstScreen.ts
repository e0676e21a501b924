import {
  AppError,
  type Article,
  type Claim,
  escapeHtml,
  isAllowed,
  type Principal,
  ROLE_LABELS,
  renderArticlePreviewHtml,
  toSafeHttpUrl,
} from "@factmark/core";
import type { Context } from "hono";
import type { Db } from "../db/createDatabase";
import { findRequestPrincipal } from "../middleware/authenticate";
import { getArticle } from "../services/articles/getArticle";
import { listClaims } from "../services/claims/listClaims";
import { listLinks } from "../services/links/listLinks";

/** The id of the server's first screen in the page; the web app takes it away by this id (app/serverFirstScreen.ts). */
export const FIRST_SCREEN_ID = "first-screen";

/**
 * What an article's first screen is drawn from: who is looking, the article as it is now, its live claims (orphans
 * included), and how many of its live links are contradictions (the panel's tab counts them as the app does).
 */
export interface ArticleFirstScreenData {
  principal: Principal;
  article: Article;
  claims: readonly Claim[];
  contradictionCount: number;
}

/**
 * What the request's session may see of article `articleId` for its first screen, or null when it may see nothing:
 * no session, or one revoked, expired or of a deactivated account (the lookup the API's authenticate middleware
 * makes), a role that may not read articles, or an article that is not there (never was, or deleted). An
 * unexpected failure is logged and answers null too: the page then loads as any other, never as an error.
 */
export async function readArticleFirstScreen(
  db: Db,
  c: Context,
  articleId: string,
): Promise<ArticleFirstScreenData | null> {
  try {
    const principal = (await findRequestPrincipal(db, c))?.principal;
    if (!principal || !isAllowed(principal.role, "article.read")) return null;
    // Both kept by version on a returning reviewer's visit (the article's text, the whole claim list).
    const [article, claims, links] = await Promise.all([
      getArticle(db, articleId),
      listClaims(db, articleId),
      listLinks(db, articleId),
    ]);
    const contradictionCount = links.items.filter((link) => link.kind === "contradicts").length;
    return { principal, article, claims: claims.items, contradictionCount };
  } catch (error) {
    if (!(error instanceof AppError && error.code === "NOT_FOUND")) {
      console.error(`The first screen of article ${articleId} could not be drawn:`, error);
    }
    return null;
  }
}

/**
 * The article page's first screen as the app will show it, for the page's HTML: the app's header bar and the
 * article's column, in the app's own elements and classes (App, ArticlePage, ArticleWorkspace as they first
 * render it for this reviewer's role), with the article's first blocks and their highlights drawn by core's
 * renderArticlePreviewHtml (the markup the app's ArticlePreview draws). It is inert and hidden from assistive
 * technology: the app, once it runs, replaces it with its own view (#root) in one frame. Every value is escaped.
 */
export function renderArticleFirstScreen({
  principal,
  article,
  claims,
  contradictionCount,
}: ArticleFirstScreenData): string {
  const can = (action: Parameters<typeof isAllowed>[1]) => isAllowed(principal.role, action);
  const shownClaims = claims.filter((claim) => !claim.isOrphaned);
  const details = [article.outlet, article.author && `by ${article.author}`, article.publishedAt?.slice(0, 10)].filter(
    Boolean,
  );
  const sourceUrl = toSafeHttpUrl(article.sourceUrl);
  const preview = renderArticlePreviewHtml(article.doc, {
    claims: shownClaims,
    selectedClaimId: null,
    emphasisedClaimIds: new Set(),
  });
  return [
    `<div id="${FIRST_SCREEN_ID}" inert aria-hidden="true">`,
    '<header class="app-header" data-menu-open="false"><a href="/" class="brand">Factmark</a>',
    '<button type="button" class="app-header__menu-button" aria-expanded="false">',
    '<span class="app-header__menu-icon" aria-hidden="true"></span>Menu</button><div class="app-header__menu">',
    '<div class="app-header__start"><nav aria-label="Newsroom"><a href="/speakers" class="app-nav-link">Speakers</a></nav>',
    can("claim.status") ? '<nav aria-label="Main"><a href="/work" class="app-nav-link">My work</a></nav>' : "",
    '</div><search aria-label="Newsroom" class="header-search"><form class="header-search__form">',
    '<input type="search" aria-label="Find claims, articles and evidence" placeholder="Find claims, articles… ( / )">',
    '</form></search><nav class="account-menu" aria-label="Account">',
    can("user.list") ? '<a href="/admin/users" class="account-menu__link">Users</a>' : "",
    '<span class="account-menu__who"><a href="/account" class="account-menu__link account-menu__name" title="Your account and password">',
    `${escapeHtml(principal.name)}</a> <span class="account-menu__role">${escapeHtml(ROLE_LABELS[principal.role])}</span></span>`,
    '<button type="button" class="button button--inverse">Sign out</button></nav></div></header>',
    '<main><article class="article-page"><header class="article-header">',
    '<a href="/" class="back-link">← All articles</a>',
    `<div class="article-header__title"><h1>${escapeHtml(article.title)}</h1><div class="article-header__actions">`,
    can("claim.create")
      ? `<a href="/articles/${encodeURIComponent(article.id)}/import-annotations" class="button">Import annotations…</a>`
      : "",
    `<a href="/articles/${encodeURIComponent(article.id)}/report" class="button button--primary">Report</a></div></div>`,
    details.length > 0 ? `<p class="article-meta">${escapeHtml(details.join(" · "))}</p>` : "",
    article.sourceUrl
      ? `<p class="article-meta"><a${sourceUrl ? ` href="${escapeHtml(sourceUrl)}"` : ""} target="_blank" rel="noopener noreferrer">Original article</a></p>`
      : "",
    can("article.edit")
      ? '<div class="article-metadata"><button type="button" class="button article-metadata__toggle" aria-expanded="false">Edit details</button><p class="visually-hidden" role="status"></p></div>'
      : "",
    // The workspace's three columns (text, the panel's resize edge, the panel) as ArticleWorkspace lays them out; the
    // panel at its default width (the reviewer's own is kept in their browser).
    '</header><div class="workspace"><section class="workspace__text" aria-label="Article"><div class="workspace__tools">',
    can("article.edit")
      ? '<div class="edit-bar"><p class="edit-bar__status" role="status"></p><div class="field__actions"><button type="button" class="button">Edit text</button></div></div>'
      : "",
    '<button type="button" class="button button--quiet">Shortcuts <kbd>?</kbd></button></div>',
    `<div><div class="article-preview">${preview}</div></div></section>`,
    '<div class="workspace__resize"></div>',
    // Counted as the app's panel counts: the claims in the text (orphans are listed apart), the contradictions.
    `<button type="button" class="button button--primary workspace__drawer-toggle">Claims (${shownClaims.length})</button>`,
    '<aside class="claim-sidebar" aria-label="Claims and contradictions">',
    '<div class="sidebar-tabs" role="tablist" aria-label="Sidebar">',
    `<button type="button" role="tab" aria-selected="true">Claims <span class="filter-chip__count">${shownClaims.length}</span></button>`,
    `<button type="button" role="tab" aria-selected="false">Contradictions <span class="filter-chip__count">${contradictionCount}</span></button>`,
    can("claim.create") ? '<button type="button" role="tab" aria-selected="false">Suggestions</button>' : "",
    '<button type="button" role="tab" aria-selected="false">Publish</button></div>',
    '<div role="tabpanel"><p class="loading" aria-busy="true">Loading claims…</p></div></aside>',
    "</div></article></main></div>",
  ].join("");
}
