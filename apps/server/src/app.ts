import { AppError } from "@factmark/core";
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps, AppEnv } from "./env";
import { handleError } from "./middleware/errorHandler";
import { BODY_LIMITS, limitBody } from "./middleware/limitBody";
import { requireJson } from "./middleware/requireJson";
import { LOCAL_REVIEWER } from "./repositories/reviewerRepository";
import { articleRoutes } from "./routes/articleRoutes";
import { claimRoutes } from "./routes/claimRoutes";
import { evidenceRoutes } from "./routes/evidenceRoutes";
import { linkRoutes } from "./routes/linkRoutes";
import { openApiDocument } from "./routes/openApiDocument";
import { reportRoutes } from "./routes/reportRoutes";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const ARTICLE_WRITE = /^\/api\/articles(\/[^/]+)?\/?$/;
const UPLOAD_PATH = "/api/articles/upload";

/** The API, typed end to end: the web app's client is `hc<AppType>`. */
export function createApi(deps: AppDeps) {
  return new Hono<AppEnv>()
    .route("/articles", articleRoutes(deps))
    .route("/articles", reportRoutes(deps))
    .route("/claims", claimRoutes(deps))
    .route("/links", linkRoutes(deps))
    .route("/evidence", evidenceRoutes(deps))
    .get("/openapi.json", (c) => c.json(openApiDocument(), 200));
}

export type AppType = ReturnType<typeof createApi>;

/** The whole HTTP app: health, the API under /api, and (added by main) the web app. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use("*", requestId());
  app.use(
    "*",
    secureHeaders({
      // A response that sets its own header keeps it: the HTML report relaxes frame-ancestors for its preview.
      overwrite: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    }),
  );
  app.use("/api/*", async (c, next) => {
    c.set("actor", LOCAL_REVIEWER);
    if (!WRITE_METHODS.has(c.req.method)) return next();
    const maxSize = ARTICLE_WRITE.test(c.req.path) ? BODY_LIMITS.article : BODY_LIMITS.default;
    await limitBody(maxSize)(c, async () => {
      // The file upload is multipart; its route guards against cross-site forms itself (requireSameOrigin).
      if (c.req.path === UPLOAD_PATH) return next();
      await requireJson(c, next);
    });
  });
  app.get("/healthz", async (c) => {
    await deps.db.$queryRawUnsafe("SELECT 1");
    return c.json({ status: "ok" }, 200);
  });
  app.route("/api", createApi(deps));
  app.all("/api/*", () => {
    throw new AppError("NOT_FOUND", "No such API route.");
  });
  return app;
}
