import { createHash } from "node:crypto";
import { ANNOTATION_CONTEXT, AppError, FACTMARK_CONTEXT, FACTMARK_CONTEXT_PATH, ZId } from "@factmark/core";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { publicBaseUrl } from "../auth/clientAddress";
import type { ApiDeps, AppEnv } from "../env";
import { authenticate } from "../middleware/authenticate";
import { enforceRateLimit } from "../middleware/rateLimit";
import { reportOrganisation } from "../report/reportSettings";
import {
  buildAnnotationContainer,
  buildAnnotationPage,
  readContainerPreference,
  readPageRequest,
} from "../services/annotations/annotationContainer";
import { annotationPageSize } from "../services/annotations/annotationPageSize";
import { getClaimAnnotation } from "../services/annotations/getClaimAnnotation";
import { getLinkAnnotation } from "../services/annotations/getLinkAnnotation";
import { type AnnotationReadOptions, readArticleAnnotations } from "../services/annotations/readArticleAnnotations";
import { createRouter } from "./createRouter";

/** The media type the Web Annotation Protocol answers annotations, pages and containers in. */
export const ANNOTATION_MEDIA_TYPE = `application/ld+json; profile="${ANNOTATION_CONTEXT}"`;
/** Read only: the protocol's write side (POST, PUT, DELETE) is not offered. */
const ALLOW = "GET, HEAD, OPTIONS";
const LDP_RESOURCE = '<http://www.w3.org/ns/ldp#Resource>; rel="type"';
const LDP_BASIC_CONTAINER = '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"';
const CONSTRAINED_BY = '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"';

/** Factmark's context changes only with a release: kept a day by anyone, then revalidated by its ETag. */
const CONTEXT_BODY = `${JSON.stringify(FACTMARK_CONTEXT, null, 2)}\n`;
const CONTEXT_ETAG = `"${createHash("sha256").update(CONTEXT_BODY).digest("base64url").slice(0, 22)}"`;

/**
 * Whether a path is one this router answers (or refuses) itself: Factmark's context, annotation ids, an article's
 * annotation container and anything under it. The web app's page fallback must never answer these with its HTML.
 */
export function isAnnotationProtocolPath(path: string): boolean {
  return (
    path === FACTMARK_CONTEXT_PATH ||
    path === "/annotations" ||
    path.startsWith("/annotations/") ||
    /^\/articles\/[^/]+\/annotations(?:\/|$)/.test(path)
  );
}

/**
 * The Web Annotation Protocol's read side and Factmark's JSON-LD context (issue 17), outside /api: every exported
 * annotation `id` resolves here.
 *
 * - GET /ns/factmark.jsonld: Factmark's context (core's FACTMARK_CONTEXT), public and cacheable.
 * - GET /annotations/claims/:id and /annotations/links/:id: that annotation alone, with its `@context`.
 * - GET /articles/:id/annotations: the article's annotations as an ldp:BasicContainer and AnnotationCollection;
 *   the Prefer header chooses a minimal container, or pages of IRIs, or (the default) of descriptions;
 *   `?page=N` (0 first) is a page of descriptions, `?iris=1&page=N` one of IRIs; ANNOTATION_PAGE_SIZE a page.
 *
 * All answer `application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"` with a weak ETag (If-None-Match
 * answers 304), Allow, Vary and the protocol's Link types, to any signed-in account (the session cookie, as the
 * API reads it): 401 as JSON without one, 404 for what is not there or deleted. Ids start with this server's
 * address: PUBLIC_URL, else the origin the request came to. GET, HEAD and OPTIONS (which needs no session, for
 * CORS pre-flights); any other method or address under these paths is a JSON 404.
 */
export function annotationProtocolRoutes({ db, guard, reportCache: cache }: ApiDeps) {
  const signedIn = authenticate(db);
  // The API's own session check (a JSON 401 without one); OPTIONS is a CORS pre-flight, which carries no cookie.
  const requireSession = createMiddleware<AppEnv>(async (c, next) =>
    c.req.method === "OPTIONS" ? next() : signedIn(c, next),
  );
  const readOptions = (c: Context<AppEnv>): AnnotationReadOptions => {
    const key = c.get("sessionToken") ?? `account:${c.get("actor").id}`;
    return {
      serverUrl: publicBaseUrl(c, guard.settings),
      organisation: reportOrganisation(c.req.url),
      cache,
      // A build (not an answer from what is kept) counts against the session's report limit, as an export does.
      beforeBuild: () => enforceRateLimit(c, guard.reportLimiter, key),
    };
  };
  return createRouter()
    .get(FACTMARK_CONTEXT_PATH, (c) => {
      c.header("Cache-Control", "public, max-age=86400");
      c.header("ETag", CONTEXT_ETAG);
      // A JSON-LD processor on another site (a playground, a validator) may read it: it is public and static.
      c.header("Access-Control-Allow-Origin", "*");
      c.header("Cross-Origin-Resource-Policy", "cross-origin");
      if (isCurrent(c.req.header("if-none-match"), CONTEXT_ETAG)) return c.body(null, 304);
      c.header("Content-Type", "application/ld+json");
      return c.body(CONTEXT_BODY, 200);
    })
    .use("/annotations/*", requireSession)
    .use("/articles/:id/annotations", requireSession)
    .use("/articles/:id/annotations/*", requireSession)
    .on("OPTIONS", ["/annotations/claims/:id", "/annotations/links/:id", "/articles/:id/annotations"], (c) => {
      c.header("Allow", ALLOW);
      return c.body(null, 204);
    })
    .get("/annotations/claims/:id", async (c) => {
      const annotation = await getClaimAnnotation(db, idParam(c), readOptions(c));
      return sendAnnotationDocument(c, annotation, { links: [LDP_RESOURCE], vary: "Accept" });
    })
    .get("/annotations/links/:id", async (c) => {
      const annotation = await getLinkAnnotation(db, idParam(c), readOptions(c));
      return sendAnnotationDocument(c, annotation, { links: [LDP_RESOURCE], vary: "Accept" });
    })
    .get("/articles/:id/annotations", async (c) => {
      const pageRequest = readPageRequest({ page: c.req.query("page"), iris: c.req.query("iris") });
      const options = readOptions(c);
      const collection = await readArticleAnnotations(db, idParam(c), options);
      const pageSize = annotationPageSize();
      if (pageRequest) {
        const page = buildAnnotationPage(collection, pageRequest, pageSize, options.serverUrl);
        return sendAnnotationDocument(c, page, { links: [], vary: "Accept" });
      }
      const preference = readContainerPreference(c.req.header("prefer"));
      if (preference.isApplied) c.header("Preference-Applied", "return=representation");
      const container = buildAnnotationContainer(collection, preference, pageSize, options.serverUrl);
      return sendAnnotationDocument(c, container, {
        links: [LDP_BASIC_CONTAINER, LDP_RESOURCE, CONSTRAINED_BY],
        vary: "Accept, Prefer",
      });
    })
    .all("/annotations/*", () => {
      throw new AppError("NOT_FOUND", "No such annotation address: annotations are read with GET.");
    })
    .all("/articles/:id/annotations/*", () => {
      throw new AppError("NOT_FOUND", "No such annotation address: an article's annotations are read with GET.");
    })
    .all("/articles/:id/annotations", () => {
      throw new AppError("NOT_FOUND", "An article's annotations are read with GET.");
    });
}

/** The `:id` of the path, checked as core's ids are (a path that cannot name one is not there). */
function idParam(c: Context): string {
  const id = c.req.param("id") ?? "";
  if (!ZId.safeParse(id).success) throw new AppError("NOT_FOUND", `No annotation with id "${id}".`);
  return id;
}

/**
 * A JSON-LD answer of the protocol: its media type, a weak ETag over everything in it but `generated` (the time the
 * serialisation was made, which a rebuild moves while nothing the annotation says changed), 304 when the client
 * holds it, Allow, Vary, and the Link types given. Private to the session, revalidated before reuse.
 */
function sendAnnotationDocument(c: Context, document: unknown, { links, vary }: { links: string[]; vary: string }) {
  const body = JSON.stringify(document, null, 2);
  const etag = `W/"${createHash("sha256")
    .update(JSON.stringify(document, (key, value) => (key === "generated" ? undefined : value)))
    .digest("base64url")
    .slice(0, 22)}"`;
  c.header("ETag", etag);
  c.header("Allow", ALLOW);
  c.header("Vary", vary);
  c.header("Cache-Control", "private, no-cache");
  for (const link of links) c.header("Link", link, { append: true });
  if (isCurrent(c.req.header("if-none-match"), etag)) return c.body(null, 304);
  c.header("Content-Type", ANNOTATION_MEDIA_TYPE);
  return c.body(`${body}\n`, 200);
}

/** Whether an If-None-Match header names `etag` (compared weakly, as GET does) or is `*`. */
function isCurrent(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === bare || tag === "*");
}
