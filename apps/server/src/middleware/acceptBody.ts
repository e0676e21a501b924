import { AppError } from "@factmark/core";
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { limitBody } from "./limitBody";
import { requireJson } from "./requireJson";

const BODY_POLICIES = new WeakSet<MiddlewareHandler>();

/** What else a JSON route may be sent, beyond application/json; each route names its own (acceptJson's options). */
export interface AcceptJsonOptions {
  /**
   * Further JSON media types this one route reads (lower case, no parameters), e.g. the Web Annotation Protocol's
   * `application/ld+json` and Factmark's `application/anno+json`. Cross-site HTML forms can send none of them, so
   * allowing them on one route keeps the reason for the 415 whole; every other route still reads only JSON.
   */
  mediaTypes?: readonly string[];
}

/**
 * A write route's body: JSON (or none) of at most `maxSize` bytes. Larger bodies get 413 before they are read
 * whole; any other media type gets 415 (but those `options.mediaTypes` names, for this route only), so a cross-site
 * HTML form never reaches the route.
 */
export function acceptJson(maxSize: number, options: AcceptJsonOptions = {}): MiddlewareHandler<AppEnv> {
  const limit = limitBody(maxSize);
  const mediaTypes = new Set(options.mediaTypes ?? []);
  return declareBodyPolicy(
    createMiddleware<AppEnv>(async (c, next) => {
      await limit(c, async () => {
        const mediaType = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
        if (mediaTypes.has(mediaType)) {
          await next();
          return;
        }
        await requireJson(c, next);
      });
    }),
  );
}

/**
 * A write route whose body is a multipart/form-data form of at most `maxSize` bytes (a file upload); requireSameSite
 * is what keeps cross-site forms out of it.
 */
export function acceptMultipart(maxSize: number): MiddlewareHandler<AppEnv> {
  const limit = limitBody(maxSize);
  return declareBodyPolicy(
    createMiddleware<AppEnv>(async (c, next) => {
      await limit(c, async () => {
        const mediaType = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
        if (mediaType !== "multipart/form-data") {
          throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the form as multipart/form-data.");
        }
        await next();
      });
    }),
  );
}

/** Whether a route-level middleware says how its route reads a body (acceptJson or acceptMultipart). */
export function isBodyPolicy(handler: unknown): boolean {
  return typeof handler === "function" && BODY_POLICIES.has(handler as MiddlewareHandler);
}

function declareBodyPolicy(policy: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  BODY_POLICIES.add(policy);
  return policy;
}
