import { AppError } from "@factmark/core";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { DEFAULT_SECURITY_SETTINGS } from "./auth/securitySettings";
import type { ApiDeps, AppDeps, AppEnv, Guard } from "./env";
import { authenticate } from "./middleware/authenticate";
import { handleError } from "./middleware/errorHandler";
import { BODY_LIMITS, limitBody } from "./middleware/limitBody";
import { RateLimiter } from "./middleware/RateLimiter";
import { enforceRateLimit } from "./middleware/rateLimit";
import { requireJson } from "./middleware/requireJson";
import { requireSameSite } from "./middleware/requireSameSite";
import { articleRoutes } from "./routes/articleRoutes";
import { authRoutes } from "./routes/authRoutes";
import { claimRoutes } from "./routes/claimRoutes";
import { evidenceRoutes } from "./routes/evidenceRoutes";
import { inviteRoutes } from "./routes/inviteRoutes";
import { linkRoutes } from "./routes/linkRoutes";
import { openApiDocument } from "./routes/openApiDocument";
import { reportRoutes } from "./routes/reportRoutes";
import { userRoutes } from "./routes/userRoutes";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const ARTICLE_WRITE = /^\/api\/articles(\/[^/]+)?\/?$/;
const UPLOAD_PATH = "/api/articles/upload";

/** The API, typed end to end: the web app's client is `hc<AppType>`. */
export function createApi(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .route("/auth", authRoutes(deps))
    .route("/users", userRoutes(deps))
    .route("/invites", inviteRoutes(deps))
    .route("/articles", articleRoutes(deps))
    .route("/articles", reportRoutes(deps))
    .route("/claims", claimRoutes(deps))
    .route("/links", linkRoutes(deps))
    .route("/evidence", evidenceRoutes(deps))
    .get("/openapi.json", (c) => c.json(openApiDocument(), 200));
}

export type AppType = ReturnType<typeof createApi>;

/** The whole HTTP app: health, the API under /api, and (added by main) the web app. */
export function createApp(appDeps: AppDeps) {
  const deps: ApiDeps = { ...appDeps, guard: createGuard(appDeps) };
  const { guard } = deps;
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use("*", requestId());
  // A 2,000-claim list or a long article is about a megabyte of JSON; gzip makes it a fifth.
  app.use("*", compress());
  app.use(
    "*",
    secureHeaders({
      // A response that sets its own header keeps it: the HTML report relaxes frame-ancestors for its preview.
      overwrite: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // No inline <style> or style="": React's style props go through the CSSOM, which CSP allows.
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    }),
  );
  app.use("/api/*", authenticate(deps.db));
  app.use("/api/*", async (c, next) => {
    if (!WRITE_METHODS.has(c.req.method)) return next();
    await requireSameSite(c, async () => {
      // Writes with a session count against that session's limit; login, setup and invites have their own.
      const sessionToken = c.get("sessionToken");
      if (sessionToken !== undefined) enforceRateLimit(c, guard.writeLimiter, sessionToken);
      const maxSize = ARTICLE_WRITE.test(c.req.path) ? BODY_LIMITS.article : BODY_LIMITS.default;
      await limitBody(maxSize)(c, async () => {
        // The file upload is multipart: requireSameSite above is what keeps cross-site forms out of it.
        if (c.req.path === UPLOAD_PATH) return next();
        await requireJson(c, next);
      });
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

function createGuard({ security }: AppDeps): Guard {
  const settings = { ...DEFAULT_SECURITY_SETTINGS, ...security };
  return {
    settings,
    loginLimiter: new RateLimiter(settings.loginLimit),
    inviteLimiter: new RateLimiter(settings.inviteLimit),
    writeLimiter: new RateLimiter(settings.writeLimit),
  };
}
