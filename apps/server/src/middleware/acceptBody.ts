import { IncomingMessage } from "node:http";
import { AppError } from "@factmark/core";
import type { Context, MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { limitBody, tooLarge } from "./limitBody";
import { notJson, requireJson } from "./requireJson";

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
      if (readsJsonFromNode(c, maxSize, mediaTypes)) {
        await next();
        return;
      }
      await limit(c, async () => {
        // Read as the Node path reads it (limitBody has the body whole by now): strict UTF-8, a BOM dropped.
        if (c.req.raw.body)
          cacheBodyText(
            c,
            c.req.arrayBuffer().then((bytes) => decodeJsonText(new Uint8Array(bytes))),
          );
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
 * The hot writes' way to their JSON body on Node (a claim made, changed, linked): a JSON body of a declared
 * Content-Length is read straight from Node's request and handed to Hono's body cache as text, where
 * `c.req.json()` (the route's validator) parses it. Hono's way, for any other body, makes a web Request and a web
 * stream of Node's request on every call (7 % of a create's server CPU, profiled). The same refusals, in the same
 * order: a declared length over `maxSize` gets 413 unread, then any media type but JSON 415 (requireJson); a body
 * that ends early or runs past its length is a malformed one (400 from the validator). Answers false, touching
 * nothing, for a request not from Node (tests' app.request), a chunked body, or a media type the route names
 * besides JSON: limitBody and requireJson read those as before.
 */
function readsJsonFromNode(c: Context<AppEnv>, maxSize: number, mediaTypes: ReadonlySet<string>): boolean {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  if (!(incoming instanceof IncomingMessage) || incoming.readableDidRead) return false;
  const declared = incoming.headers["content-length"];
  if (declared === undefined || incoming.headers["transfer-encoding"] !== undefined) return false;
  const mediaType = (incoming.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaTypes.has(mediaType)) return false;
  const length = Number.parseInt(declared, 10);
  if (length > maxSize) throw tooLarge(maxSize);
  if (mediaType !== "application/json" && (length > 0 || incoming.headers["content-type"] !== undefined)) {
    throw notJson();
  }
  cacheBodyText(c, readText(incoming, length));
  return true;
}

/**
 * Hands the body's text to Hono's body cache, where `c.req.json()` (the route's validator) parses it. Read whether or
 * not the route asks for it; a body cut short, or not UTF-8, fails only the route that reads it (400 malformed JSON).
 */
function cacheBodyText(c: Context<AppEnv>, text: Promise<string>): void {
  text.catch(() => undefined);
  // Hono keeps each body's promise there (its type names the values the promises resolve to).
  (c.req.bodyCache as { text?: Promise<string> }).text = text;
}

/**
 * A JSON body's bytes as text, however it came (Content-Length or chunked): UTF-8 only — bytes that are not UTF-8
 * are refused, not stored as U+FFFD (RFC 8259 §8.1) — with a leading byte order mark dropped, as `Request.json()`
 * drops it. Throws TypeError on bytes that are not UTF-8.
 */
function decodeJsonText(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** Node's request body as text (decodeJsonText), exactly `length` bytes; rejects a body that ends early, runs past them or is not UTF-8. */
function readText(incoming: IncomingMessage, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > length) {
        // Node's parser ends a body at its Content-Length; kept in case a server in front of it does not.
        incoming.off("data", collect);
        incoming.resume();
        reject(new Error("The request body is longer than its Content-Length."));
        return;
      }
      chunks.push(chunk);
    };
    incoming.on("data", collect);
    incoming.once("end", () => {
      if (size !== length) reject(new Error("The request body ended before its Content-Length."));
      else {
        try {
          resolve(decodeJsonText(Buffer.concat(chunks, size)));
        } catch (error) {
          reject(error);
        }
      }
    });
    incoming.once("error", reject);
    // Closed without its end: the client went away mid-body (once it has ended, this changes nothing).
    incoming.once("close", () => reject(new Error("The request body was cut off.")));
  });
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
