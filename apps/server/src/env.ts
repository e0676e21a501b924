import type { Principal } from "@factmark/core";
import type { SecuritySettings } from "./auth/securitySettings";
import type { Db } from "./db/createDatabase";
import type { RateLimiter } from "./middleware/RateLimiter";
import type { ReportCache } from "./report/ReportCache";

/** What every request handler can reach. */
export interface AppEnv {
  Variables: {
    /** The signed-in account; unset only on the public routes (setup, login, invites, me). */
    actor: Principal;
    /** The session's cookie token, to revoke it or keep it when the password changes. */
    sessionToken: string;
    requestId: string;
  };
}

export interface AppDeps {
  db: Db;
  /** Defaults to DEFAULT_SECURITY_SETTINGS; main.ts passes the environment's. */
  security?: Partial<SecuritySettings>;
  /** Article event streams: how often each re-announces its presence and checks its session (ms; tests shorten it). */
  live?: { refreshMs?: number };
}

/** The security settings and this process's rate limiters, made once per app. */
export interface Guard {
  settings: SecuritySettings;
  loginLimiter: RateLimiter;
  inviteLimiter: RateLimiter;
  writeLimiter: RateLimiter;
  /** Reports built per session (see SecuritySettings.reportLimit). */
  reportLimiter: RateLimiter;
}

export interface ApiDeps extends AppDeps {
  guard: Guard;
  /**
   * Report files and models built lately, one budget (REPORT_CACHE_MB) per app: the report routes and the annotation
   * protocol (which reads the same report model) share it.
   */
  reportCache: ReportCache;
}
