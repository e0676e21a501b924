import {
  AppError,
  ZArticleCreate,
  ZArticleFromUrl,
  ZArticleUpdate,
  ZArticleUploadFields,
  ZClaimCreate,
  ZClaimListQuery,
  ZId,
  ZLinkCreate,
} from "@factmark/core";
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../env";
import { fetchSettingsFromEnv } from "../import/fetchSettings";
import { etag, readIfMatch, requireIfMatch } from "../middleware/ifMatch";
import { validate } from "../middleware/validate";
import { createArticle } from "../services/articles/createArticle";
import { deleteArticle } from "../services/articles/deleteArticle";
import { getArticle } from "../services/articles/getArticle";
import { importArticleFile } from "../services/articles/importArticleFile";
import { importArticleFromUrl } from "../services/articles/importArticleFromUrl";
import { listArticles } from "../services/articles/listArticles";
import { listContradictions } from "../services/articles/listContradictions";
import { listSpeakers } from "../services/articles/listSpeakers";
import { updateArticle } from "../services/articles/updateArticle";
import { createClaim } from "../services/claims/createClaim";
import { listClaims } from "../services/claims/listClaims";
import { createLink } from "../services/links/createLink";
import { listLinks } from "../services/links/listLinks";

const ZArticleParam = z.object({ id: ZId });

/** /api/articles and what hangs off an article: its claims, links, speakers and contradictions. */
export function articleRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/", async (c) => c.json({ items: await listArticles(db) }, 200))
    .post("/", validate("json", ZArticleCreate), async (c) => {
      const article = await createArticle(db, c.get("actor"), c.req.valid("json"));
      c.header("ETag", etag(article));
      c.header("Location", `/api/articles/${article.id}`);
      return c.json(article, 201);
    })
    .post("/upload", async (c) => {
      const form = await readUploadForm(c.req.raw);
      const article = await importArticleFile(db, c.get("actor"), form.file, form.fields);
      c.header("ETag", etag(article));
      c.header("Location", `/api/articles/${article.id}`);
      return c.json(article, 201);
    })
    .post("/from-url", validate("json", ZArticleFromUrl), async (c) => {
      const article = await importArticleFromUrl(db, c.get("actor"), c.req.valid("json"), fetchSettingsFromEnv());
      c.header("ETag", etag(article));
      c.header("Location", `/api/articles/${article.id}`);
      return c.json(article, 201);
    })
    .get("/:id", validate("param", ZArticleParam), async (c) => {
      const article = await getArticle(db, c.req.valid("param").id);
      c.header("ETag", etag(article));
      return c.json(article, 200);
    })
    .patch("/:id", validate("param", ZArticleParam), validate("json", ZArticleUpdate), async (c) => {
      const version = requireIfMatch(c);
      const article = await updateArticle(db, c.get("actor"), c.req.valid("param").id, version, c.req.valid("json"));
      c.header("ETag", etag(article));
      return c.json(article, 200);
    })
    .delete("/:id", validate("param", ZArticleParam), async (c) => {
      await deleteArticle(db, c.get("actor"), c.req.valid("param").id, readIfMatch(c));
      return c.body(null, 204);
    })
    .get("/:id/claims", validate("param", ZArticleParam), validate("query", ZClaimListQuery), async (c) =>
      c.json(await listClaims(db, c.req.valid("param").id, c.req.valid("query").since), 200),
    )
    .post("/:id/claims", validate("param", ZArticleParam), validate("json", ZClaimCreate), async (c) => {
      const claim = await createClaim(db, c.get("actor"), c.req.valid("param").id, c.req.valid("json"));
      c.header("ETag", etag(claim));
      c.header("Location", `/api/claims/${claim.id}`);
      return c.json(claim, 201);
    })
    .get("/:id/links", validate("param", ZArticleParam), async (c) =>
      c.json({ items: await listLinks(db, c.req.valid("param").id) }, 200),
    )
    .post("/:id/links", validate("param", ZArticleParam), validate("json", ZLinkCreate), async (c) => {
      const link = await createLink(db, c.get("actor"), c.req.valid("param").id, c.req.valid("json"));
      c.header("Location", `/api/links/${link.id}`);
      return c.json(link, 201);
    })
    .get("/:id/speakers", validate("param", ZArticleParam), async (c) =>
      c.json({ items: await listSpeakers(db, c.req.valid("param").id) }, 200),
    )
    .get("/:id/contradictions", validate("param", ZArticleParam), async (c) =>
      c.json({ items: await listContradictions(db, c.req.valid("param").id) }, 200),
    );
}

/** The upload form: `file` and the metadata fields, checked with the core schema (blank fields mean "none"). */
async function readUploadForm(request: Request) {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "multipart/form-data") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the file as multipart/form-data, in a field named file.");
  }
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
