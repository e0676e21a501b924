import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { AppError } from "@factmark/core";
import type { FetchSettings } from "./fetchSettings";
import { isPublicAddress } from "./isPublicAddress";

export interface FetchedPage {
  /** The URL the page was finally served from, after redirects. */
  url: string;
  mediaType: "text/html" | "text/plain";
  body: string;
}

const ACCEPTED_TYPES = new Set(["text/html", "application/xhtml+xml", "text/plain"]);

/**
 * Fetches a web page for import without letting the server be aimed at its own network (SSRF):
 * http(s) only, no credentials in the URL; the host is resolved and every address checked before
 * connecting, and the connection goes to the checked address (so DNS cannot change its answer in
 * between); redirects are followed by hand, at most `maxRedirects`, each one checked again; one
 * deadline covers the whole exchange; only HTML or plain text is read, and at most `maxBytes`,
 * counted as it streams in. Failures are AppErrors with a `reason` in their details.
 */
export async function fetchPage(address: string, settings: FetchSettings): Promise<FetchedPage> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
  try {
    let url = parseTarget(address);
    for (let redirects = 0; ; redirects += 1) {
      const response = await request(url, settings, controller.signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        if (redirects >= settings.maxRedirects) {
          throw new AppError("UNPROCESSABLE", `The page redirects more than ${settings.maxRedirects} times.`, {
            reason: "too_many_redirects",
          });
        }
        url = parseTarget(new URL(response.headers.location, url).href);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new AppError("UNPROCESSABLE", `The page answered with HTTP status ${status}.`, {
          reason: "http_status",
          status,
        });
      }
      return await readBody(url, response, settings, controller.signal);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (controller.signal.aborted) {
      throw new AppError("UNPROCESSABLE", `The page did not answer within ${settings.timeoutMs / 1000} s.`, {
        reason: "timeout",
      });
    }
    throw new AppError("UNPROCESSABLE", "The page could not be fetched.", {
      reason: "unreachable",
      cause: (error as NodeJS.ErrnoException).code ?? "unknown",
    });
  } finally {
    clearTimeout(timer);
  }
}

function parseTarget(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new AppError("VALIDATION_FAILED", "Give a full http:// or https:// URL.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AppError("UNPROCESSABLE", "Only http:// and https:// pages can be imported.", { reason: "scheme" });
  }
  if (url.username !== "" || url.password !== "") {
    throw new AppError("UNPROCESSABLE", "A URL may not carry a user name or password.", { reason: "credentials" });
  }
  return url;
}

function refusedAddress(host: string): AppError {
  return new AppError("UNPROCESSABLE", `The address of ${host} is private or local; the server does not fetch it.`, {
    reason: "private_address",
  });
}

function request(url: URL, settings: FetchSettings, signal: AbortSignal): Promise<IncomingMessage> {
  const hostname = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const isAllowed = settings.allowHosts.has(hostname);
  if (isIP(hostname) !== 0 && !isAllowed && !isPublicAddress(hostname)) return Promise.reject(refusedAddress(hostname));
  let refusal: AppError | undefined;
  // Resolves, refuses private answers, and hands the socket the address it checked.
  const checkedLookup: LookupFunction = (host, options, callback) => {
    dnsLookup(host, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const usable = addresses.filter(
        (entry) => isAllowed || settings.allowHosts.has(entry.address) || isPublicAddress(entry.address),
      );
      if (usable.length === 0 || usable.length !== addresses.length) {
        refusal = refusedAddress(host);
        return callback(Object.assign(new Error("refused"), { code: "EREFUSED" }), "", 0);
      }
      if (options.all) return callback(null, usable as unknown as string);
      const [first] = usable as [LookupAddress];
      return callback(null, first.address, first.family);
    });
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.get(
      url,
      {
        lookup: checkedLookup,
        signal,
        agent: false,
        headers: {
          accept: "text/html, application/xhtml+xml, text/plain;q=0.8",
          "user-agent": "Factmark article import",
        },
      },
      resolve,
    );
    outgoing.on("error", (error) => reject(refusal ?? error));
  });
}

async function readBody(
  url: URL,
  response: IncomingMessage,
  settings: FetchSettings,
  signal: AbortSignal,
): Promise<FetchedPage> {
  const contentType = response.headers["content-type"] ?? "";
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!ACCEPTED_TYPES.has(mediaType)) {
    response.destroy();
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `The page is ${mediaType || "of no stated type"}, not HTML or text; only web pages can be imported.`,
      { reason: "content_type", contentType: mediaType },
    );
  }
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > settings.maxBytes) {
    response.destroy();
    throw tooLarge(settings.maxBytes);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of response) {
    if (signal.aborted) break;
    received += (chunk as Buffer).byteLength;
    if (received > settings.maxBytes) {
      response.destroy();
      throw tooLarge(settings.maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  if (signal.aborted) throw new Error("aborted");
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1] ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return {
    url: url.href,
    mediaType: mediaType === "text/plain" ? "text/plain" : "text/html",
    body: decoder.decode(Buffer.concat(chunks)),
  };
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The page is larger than ${maxBytes / (1024 * 1024)} MB.`, {
    reason: "too_large",
    maxSize: maxBytes,
  });
}
