import { createHash } from "node:crypto";
import { buildPublicErrorPage, PUBLIC_PAGE_CSS, PUBLIC_PAGE_CSS_PATH } from "@factmark/core";
import type { Context } from "hono";
import type { AppDeps } from "../env";
import { reportOrganisation } from "../report/reportSettings";
import { getPublicPage, type PublicPage } from "../services/publications/getPublicPage";
import { createRouter } from "./createRouter";

/**
 * A page may change when a correction is published or the fact-check is retracted: readers and caches keep it a
 * minute. An error page is not kept, so a fact-check published a moment later shows at once.
 */
const PAGE_CACHE = "public, max-age=60";
const ERROR_PAGE_CACHE = "no-cache";
/** The stylesheet changes only with a new release of Factmark: kept a week, revalidated by its ETag after. */
const STYLESHEET_CACHE = "public, max-age=604800";
const STYLESHEET_ETAG = `"${createHash("sha256").update(PUBLIC_PAGE_CSS).digest("base64url").slice(0, 22)}"`;

/**
 * /fact-checks/:slug[/claims/:n][?version=k]: the published fact-checks, as HTML, open to anyone (no session), and
 * their stylesheet. Not part of the API (no /api, no OpenAPI entry). The app-wide Content-Security-Policy applies as
 * it is (script-src 'self', style-src 'self'): the pages have no inline style, and their one script element is a
 * JSON-LD data block, which no browser runs. GET and HEAD.
 */
export function publicPageRoutes({ db }: AppDeps) {
  const stylesheetPath = PUBLIC_PAGE_CSS_PATH.replace(/^\/fact-checks/, "");
  return (
    createRouter()
      .get(stylesheetPath, (c) => {
        c.header("Cache-Control", STYLESHEET_CACHE);
        c.header("ETag", STYLESHEET_ETAG);
        if (c.req.header("if-none-match") === STYLESHEET_ETAG) return c.body(null, 304);
        c.header("Content-Type", "text/css; charset=utf-8");
        return c.body(PUBLIC_PAGE_CSS, 200);
      })
      .get("/:slug", async (c) =>
        sendPage(
          c,
          await getPublicPage(db, { slug: c.req.param("slug"), version: c.req.query("version") }, publicOrganisation()),
        ),
      )
      .get("/:slug/claims/:number", async (c) =>
        sendPage(
          c,
          await getPublicPage(
            db,
            { slug: c.req.param("slug"), claimNumber: c.req.param("number"), version: c.req.query("version") },
            publicOrganisation(),
          ),
        ),
      )
      // Any other address under /fact-checks is the public's too: a public 404, never the desk's sign-in page.
      .all("*", (c) => sendPage(c, unknownPublicAddress()))
  );
}

/**
 * Who the public pages name: the configured organisation (its URL, else PUBLIC_URL's origin), never one made from
 * the request's Host header (a page a shared cache keeps must not link where a request said).
 */
function publicOrganisation() {
  return reportOrganisation(process.env.PUBLIC_URL);
}

function unknownPublicAddress(): PublicPage {
  return {
    status: 404,
    html: buildPublicErrorPage(
      {
        title: "No fact-check here",
        message:
          "No fact-check is published at this address. Check the address for a typing mistake, or ask the newsroom that gave it to you.",
      },
      publicOrganisation(),
    ),
  };
}

function sendPage(c: Context, page: PublicPage): Response {
  c.header("Cache-Control", page.status === 200 ? PAGE_CACHE : ERROR_PAGE_CACHE);
  return c.html(page.html, page.status);
}
