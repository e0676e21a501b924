import {
  type Action,
  AppError,
  type ClaimList,
  ZArticle,
  ZArticleCreate,
  ZArticleFromUrl,
  ZArticleList,
  ZArticleListQuery,
  ZArticleSaved,
  ZArticleUpdate,
  ZArticleUploadFields,
  ZClaim,
  ZClaimCreate,
  ZClaimList,
  ZContradictionList,
  ZIdParam,
  ZLink,
  ZLinkCreate,
  ZLinkList,
  ZSinceQuery,
  ZSpeakerList,
} from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import type { TypedResponse } from "hono";
import type { AppDeps } from "../env";
import { fetchSettingsFromEnv } from "../import/fetchSettings";
import { acceptJson, acceptMultipart } from "../middleware/acceptBody";
import { acceptsEncoding } from "../middleware/acceptsEncoding";
import { authorizeFirst } from "../middleware/authorizeFirst";
import { etag, readIfMatch, requireIfMatch } from "../middleware/ifMatch";
import { BODY_LIMITS } from "../middleware/limitBody";
import { createArticle } from "../services/articles/createArticle";
import { deleteArticle } from "../services/articles/deleteArticle";
import { getArticle, isArticleUnchanged } from "../services/articles/getArticle";
import { importArticleFile } from "../services/articles/importArticleFile";
import { importArticleFromUrl } from "../services/articles/importArticleFromUrl";
import { listArticles } from "../services/articles/listArticles";
import { listContradictions } from "../services/articles/listContradictions";
import { listSpeakers } from "../services/articles/listSpeakers";
import { restoreArticle } from "../services/articles/restoreArticle";
import { updateArticle } from "../services/articles/updateArticle";
import { createClaim } from "../services/claims/createClaim";
import { listClaimsForClient } from "../services/claims/listClaims";
import { createLink } from "../services/links/createLink";
import { listLinks } from "../services/links/listLinks";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { ifMatchHeader } from "./ifMatchHeader";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";
import { nameSchema } from "./nameSchema";

/** /api/articles and what hangs off an article: its claims, links, speakers and contradictions. */
export function articleRoutes({ db }: AppDeps) {
  const router = createRouter();
  // The upload form's fields are a named component, so the multipart body below can refer to them (registering
  // calls `.openapi()`, which core's schemas lack: see nameSchema).
  router.openAPIRegistry.register("ArticleUploadFields", nameSchema(ZArticleUploadFields, "ArticleUploadFields"));
  return router
    .openapi(
      createRoute({
        method: "get",
        path: "/",
        summary:
          "List articles with claim counts per verdict, newest first: q searches title, outlet and text (ignoring case); " +
          "has keeps those with a claim of that verdict (or an orphan); status those standing there; deleted=true " +
          "lists the deleted ones instead (editors), most recently deleted first",
        request: { query: ZArticleListQuery },
        responses: {
          200: jsonAnswer(ZArticleList, "The articles"),
          ...errorAnswers("VALIDATION_FAILED", "FORBIDDEN"),
        },
      }),
      async (c) => c.json({ items: await listArticles(db, c.get("actor"), c.req.valid("query")) }, 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/",
        summary: "Create an article from plain text (one paragraph per non-empty line)",
        middleware: [authorizeFirst("article.create"), acceptJson(BODY_LIMITS.article)],
        request: { body: jsonRequest(ZArticleCreate) },
        responses: {
          201: jsonAnswer(ZArticle, "The article made"),
          ...errorAnswers("VALIDATION_FAILED", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"),
        },
      }),
      async (c) => {
        const article = await createArticle(db, c.get("actor"), c.req.valid("json"));
        c.header("ETag", etag(article));
        c.header("Location", `/api/articles/${article.id}`);
        return c.json(article, 201);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/upload",
        summary:
          "Create an article from a .txt, .md, .html or .docx file (multipart field `file`, at most 5 MB), sanitised to the editor's schema",
        middleware: [authorizeFirst("article.import"), acceptMultipart(BODY_LIMITS.article)],
        request: {
          body: {
            required: true,
            content: {
              // A plain schema, not a zod one: the handler reads the form itself (see readUploadForm).
              "multipart/form-data": {
                schema: {
                  allOf: [
                    { $ref: "#/components/schemas/ArticleUploadFields" },
                    {
                      type: "object",
                      properties: { file: { type: "string", format: "binary" } },
                      required: ["file"],
                    },
                  ],
                },
              },
            },
          },
        },
        responses: {
          201: jsonAnswer(ZArticle, "The article made"),
          ...errorAnswers(
            "VALIDATION_FAILED",
            "FORBIDDEN",
            "PAYLOAD_TOO_LARGE",
            "UNSUPPORTED_MEDIA_TYPE",
            "UNPROCESSABLE",
          ),
        },
      }),
      async (c) => {
        const form = await readUploadForm(c.req.raw);
        const article = await importArticleFile(db, c.get("actor"), form.file, form.fields);
        c.header("ETag", etag(article));
        c.header("Location", `/api/articles/${article.id}`);
        return c.json(article, 201);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/from-url",
        summary:
          "Create an article from a web page: fetched SSRF-safely (public addresses only, 5 redirects, 10 s, 5 MB, HTML or text), extracted with Readability",
        middleware: [authorizeFirst("article.import"), acceptJson(BODY_LIMITS.article)],
        request: { body: jsonRequest(ZArticleFromUrl) },
        responses: {
          201: jsonAnswer(ZArticle, "The article made"),
          ...errorAnswers("VALIDATION_FAILED", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "UNPROCESSABLE"),
        },
      }),
      async (c) => {
        const article = await importArticleFromUrl(db, c.get("actor"), c.req.valid("json"), fetchSettingsFromEnv());
        c.header("ETag", etag(article));
        c.header("Location", `/api/articles/${article.id}`);
        return c.json(article, 201);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}",
        summary: "One article with its document and text",
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZArticle, "The article"),
          304: { description: "The article as the client has it (If-None-Match named its ETag)" },
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND"),
        },
      }),
      async (c) => {
        const article = await getArticle(db, c.req.valid("param").id);
        c.header("ETag", etag(article));
        // Kept by the browser, asked again each time: a returning reviewer's long document comes back as a 304.
        c.header("Cache-Control", "private, no-cache");
        if (isArticleUnchanged(article, c.req.header("if-none-match"))) return c.body(null, 304);
        return c.json(article, 200);
      },
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/{id}",
        summary:
          "Change an article's metadata and/or its body (doc: a document of the editor's schema); a new body re-anchors every claim, and the answer's `reanchored` counts them by outcome. " +
          "Editors also set its conclusion (null clears it) and its speakers' kinds (merged; null forgets a name); a change that changes nothing stores nothing",
        middleware: [acceptJson(BODY_LIMITS.article), authorizeFirst(articleUpdateAction)],
        parameters: [ifMatchHeader("required")],
        request: { params: ZIdParam, body: jsonRequest(ZArticleUpdate) },
        responses: {
          200: jsonAnswer(ZArticleSaved, "The article as saved, with how its claims were re-anchored"),
          ...errorAnswers(
            "VALIDATION_FAILED",
            "FORBIDDEN",
            "NOT_FOUND",
            "PRECONDITION_FAILED",
            "PRECONDITION_REQUIRED",
            "PAYLOAD_TOO_LARGE",
          ),
        },
      }),
      async (c) => {
        const version = requireIfMatch(c);
        const article = await updateArticle(db, c.get("actor"), c.req.valid("param").id, version, c.req.valid("json"));
        c.header("ETag", etag(article));
        return c.json(article, 200);
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/{id}",
        summary: "Delete an article (409 while its fact-check is published and not retracted)",
        middleware: [authorizeFirst("article.delete"), acceptJson(BODY_LIMITS.article)],
        parameters: [ifMatchHeader("optional")],
        request: { params: ZIdParam },
        responses: {
          204: { description: "Deleted" },
          ...errorAnswers("VALIDATION_FAILED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED"),
        },
      }),
      async (c) => {
        await deleteArticle(db, c.get("actor"), c.req.valid("param").id, readIfMatch(c));
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/restore",
        summary:
          "Bring a deleted article back with its claims, links, evidence and history (editors); recorded in its change log",
        middleware: [authorizeFirst("article.delete"), acceptJson(BODY_LIMITS.default)],
        parameters: [ifMatchHeader("optional")],
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZArticle, "The article, restored"),
          ...errorAnswers("VALIDATION_FAILED", "FORBIDDEN", "NOT_FOUND", "PRECONDITION_FAILED"),
        },
      }),
      async (c) => {
        const article = await restoreArticle(db, c.get("actor"), c.req.valid("param").id, readIfMatch(c));
        c.header("ETag", etag(article));
        return c.json(article, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/claims",
        summary:
          "The article's claims in document order; with since=<cursor of an earlier answer>, only the claims " +
          "written after it and the ids of those deleted",
        request: { params: ZIdParam, query: ZSinceQuery },
        responses: { 200: jsonAnswer(ZClaimList, "The claims"), ...errorAnswers("NOT_FOUND", "VALIDATION_FAILED") },
      }),
      async (c) => {
        // The bytes c.json would send, kept with the whole list while it is current (see listClaimsAsJson), and
        // a long list's gzip kept with them; compress() leaves an answer that has its Content-Encoding alone.
        const { body, isGzip } = await listClaimsForClient(
          db,
          c.req.valid("param").id,
          c.req.valid("query").since,
          acceptsEncoding(c.req.header("Accept-Encoding"), "gzip"),
        );
        const headers: Record<string, string> = { "Content-Type": "application/json", Vary: "Accept-Encoding" };
        if (isGzip) headers["Content-Encoding"] = "gzip";
        return c.body(body, 200, headers) as unknown as TypedResponse<ClaimList, 200, "json">;
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/claims",
        summary: "Mark a claim from a position and/or quote selector",
        description:
          "Send If-Match with the article's ETag its offsets were read from: on another version of the text the same offsets may hold other words, and the claim is refused with 412.",
        parameters: [ifMatchHeader("optional")],
        middleware: [acceptJson(BODY_LIMITS.default)],
        request: { params: ZIdParam, body: jsonRequest(ZClaimCreate) },
        responses: {
          201: jsonAnswer(ZClaim, "The claim made"),
          // CONFLICT: a claim from a suggestion (`fromSuggestion`) whose exact words another reviewer marked first.
          ...errorAnswers(
            "VALIDATION_FAILED",
            "NOT_FOUND",
            "CONFLICT",
            "PRECONDITION_FAILED",
            "UNPROCESSABLE",
            "UNSUPPORTED_MEDIA_TYPE",
            "PAYLOAD_TOO_LARGE",
          ),
        },
      }),
      async (c) => {
        // If-Match (optional): the article's ETag the selectors' offsets were read from.
        const claim = await createClaim(
          db,
          c.get("actor"),
          c.req.valid("param").id,
          c.req.valid("json"),
          readIfMatch(c),
        );
        c.header("ETag", etag(claim));
        c.header("Location", `/api/claims/${claim.id}`);
        return c.json(claim, 201);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/links",
        summary:
          "The article's links between live claims; with since=<cursor of an earlier answer>, only the links " +
          "that changed after it (hidden ones as deletedIds)",
        request: { params: ZIdParam, query: ZSinceQuery },
        responses: { 200: jsonAnswer(ZLinkList, "The links"), ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND") },
      }),
      async (c) => c.json(await listLinks(db, c.req.valid("param").id, c.req.valid("query").since), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/links",
        summary: "Link two live claims of the article (contradicts or supports); recorded on both claims",
        middleware: [acceptJson(BODY_LIMITS.default)],
        request: { params: ZIdParam, body: jsonRequest(ZLinkCreate) },
        responses: {
          201: jsonAnswer(ZLink, "The link made"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND", "UNPROCESSABLE", "CONFLICT", "UNSUPPORTED_MEDIA_TYPE"),
        },
      }),
      async (c) => {
        const link = await createLink(db, c.get("actor"), c.req.valid("param").id, c.req.valid("json"));
        c.header("Location", `/api/links/${link.id}`);
        return c.json(link, 201);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/speakers",
        summary: "The speakers named on the article's claims, A to Z (autocomplete)",
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZSpeakerList, "The speakers"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND"),
        },
      }),
      async (c) => c.json({ items: await listSpeakers(db, c.req.valid("param").id) }, 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/contradictions",
        summary: "Every contradicts link with both claims in full, side by side",
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZContradictionList, "The contradictions"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND"),
        },
      }),
      async (c) => c.json({ items: await listContradictions(db, c.req.valid("param").id) }, 200),
    );
}

/** The upload form: `file` and the metadata fields, checked with the core schema (blank fields mean "none"). */
async function readUploadForm(request: Request) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("VALIDATION_FAILED", "The upload form could not be read.");
  }
  const file = form.get("file");
  if (!(file instanceof File))
    throw new AppError("VALIDATION_FAILED", "Attach the article as a file field named file.");
  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (name !== "file" && typeof value === "string" && value.trim() !== "") fields[name] = value;
  }
  const parsed = ZArticleUploadFields.safeParse(fields);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    }));
    const summary = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("; ");
    throw new AppError("VALIDATION_FAILED", `The form is not valid: ${summary}`, { issues });
  }
  return { file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, fields: parsed.data };
}

/**
 * What an article's PATCH asks of the caller's role, read from its body's keys as updateArticle decides it: any
 * change to the article itself is article.edit; only the conclusion or the speakers' kinds, article.conclude.
 */
function articleUpdateAction(body: unknown): Action {
  const keys = body !== null && typeof body === "object" ? Object.keys(body) : [];
  const isConcludingOnly = keys.length > 0 && keys.every((key) => key === "conclusion" || key === "speakerKinds");
  return isConcludingOnly ? "article.conclude" : "article.edit";
}
