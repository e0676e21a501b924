import { AppError } from "@factmark/core";
import type { Hono, Schema } from "hono";
import { compress } from "hono/compress";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { Endpoint } from "hono/types";
import type { SuccessStatusCode } from "hono/utils/http-status";
import { DEFAULT_SECURITY_SETTINGS } from "./auth/securitySettings";
import type { ApiDeps, AppDeps, Guard } from "./env";
import { authenticate } from "./middleware/authenticate";
import { handleError } from "./middleware/errorHandler";
import { privateByDefault } from "./middleware/privateByDefault";
import { RateLimiter } from "./middleware/RateLimiter";
import { enforceRateLimit } from "./middleware/rateLimit";
import { requireSameSiteFor } from "./middleware/requireSameSite";
import { varyOnEncoding } from "./middleware/varyOnEncoding";
import { ReportCache } from "./report/ReportCache";
import { reportCacheBytes } from "./report/reportSettings";
import { annotationImportRoutes } from "./routes/annotationImportRoutes";
import { annotationProtocolRoutes } from "./routes/annotationProtocolRoutes";
import { addApiDocumentRoute } from "./routes/apiDocumentRoute";
import { articleRoutes } from "./routes/articleRoutes";
import { authRoutes } from "./routes/authRoutes";
import { claimRoutes } from "./routes/claimRoutes";
import { createRouter } from "./routes/createRouter";
import { evidenceRoutes } from "./routes/evidenceRoutes";
import { inviteRoutes } from "./routes/inviteRoutes";
import { linkRoutes } from "./routes/linkRoutes";
import { liveRoutes } from "./routes/liveRoutes";
import { meRoutes } from "./routes/meRoutes";
import { newsroomSpeakerRoutes } from "./routes/newsroomSpeakerRoutes";
import { precedentRoutes } from "./routes/precedentRoutes";
import { publicationRoutes } from "./routes/publicationRoutes";
import { publicPageRoutes } from "./routes/publicPageRoutes";
import { reportRoutes } from "./routes/reportRoutes";
import { searchRoutes } from "./routes/searchRoutes";
import { settingsRoutes } from "./routes/settingsRoutes";
import { speakerRoutes } from "./routes/speakerRoutes";
import { suggestionRoutes } from "./routes/suggestionRoutes";
import { userRoutes } from "./routes/userRoutes";
import { CONTENT_SECURITY_POLICY } from "./web/contentSecurityPolicy";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The API, typed end to end: the web app's client is `hc<AppType>`. Each route is declared once, in its routes
 * file, with its schemas, answers, body policy and (if open without a session) isPublic; the OpenAPI document is
 * made from those declarations.
 */
export function createApi(deps: ApiDeps) {
  return createRouter()
    .route("/auth", authRoutes(deps))
    .route("/users", userRoutes(deps))
    .route("/invites", inviteRoutes(deps))
    .route("/articles", articleRoutes(deps))
    .route("/articles", speakerRoutes(deps))
    .route("/articles", suggestionRoutes(deps))
    .route("/articles", reportRoutes(deps))
    .route("/articles", annotationImportRoutes(deps))
    .route("/articles", liveRoutes(deps))
    .route("/articles", publicationRoutes(deps))
    .route("/me", meRoutes(deps))
    .route("/search", searchRoutes(deps))
    .route("/speakers", newsroomSpeakerRoutes(deps))
    .route("/", settingsRoutes(deps))
    .route("/claims", claimRoutes(deps))
    .route("/claims", precedentRoutes(deps))
    .route("/links", linkRoutes(deps))
    .route("/evidence", evidenceRoutes(deps));
}

/** Each route's success answers only: an error is the one envelope (ZApiError), which the client reads apart. */
type SuccessAnswers<Routes extends Schema> = {
  [Path in keyof Routes]: {
    [Method in keyof Routes[Path]]: Extract<Routes[Path][Method], Endpoint & { status: SuccessStatusCode }>;
  };
};

export type AppType =
  ReturnType<typeof createApi> extends Hono<infer Env, infer Routes, infer BasePath>
    ? Hono<Env, SuccessAnswers<Routes>, BasePath>
    : never;

/** The whole HTTP app: health, the API under /api, and (added by main) the web app. */
export function createApp(appDeps: AppDeps) {
  const deps: ApiDeps = {
    ...appDeps,
    guard: createGuard(appDeps),
    reportCache: new ReportCache({ maxBytes: reportCacheBytes() }),
  };
  const { guard } = deps;
  const requireSameSite = requireSameSiteFor(guard.settings);
  const app = createRouter();
  app.onError(handleError);
  app.use("*", requestId());
  // A 2,000-claim list or a long article is about a megabyte of JSON; gzip makes it a fifth.
  app.use("*", compress());
  app.use("*", varyOnEncoding());
  app.use(
    "*",
    secureHeaders({
      // A response that sets its own header keeps it: the HTML report relaxes frame-ancestors for its preview.
      overwrite: false,
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    }),
  );
  app.use("/api/*", privateByDefault());
  app.use("/api/*", authenticate(deps.db));
  app.use("/api/*", async (c, next) => {
    if (!WRITE_METHODS.has(c.req.method)) return next();
    await requireSameSite(c, async () => {
      // Writes with a session count against that session's limit; login, setup and invites have their own.
      const sessionToken = c.get("sessionToken");
      if (sessionToken !== undefined) enforceRateLimit(c, guard.writeLimiter, sessionToken);
      // Next, the route's own body policy (acceptJson or acceptMultipart) limits and checks the body.
      await next();
    });
  });
  app.get("/healthz", async (c) => {
    await deps.db.$queryRawUnsafe("SELECT 1");
    return c.json({ status: "ok" }, 200);
  });
  app.route("/api", createApi(deps));
  // The published fact-checks: public pages, no session, outside /api.
  app.route("/fact-checks", publicPageRoutes(deps));
  // Exported annotation ids and Factmark's JSON-LD context resolve here, outside /api (Web Annotation Protocol).
  app.route("/", annotationProtocolRoutes(deps));
  addApiDocumentRoute(app);
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
    reportLimiter: new RateLimiter(settings.reportLimit),
  };
}
