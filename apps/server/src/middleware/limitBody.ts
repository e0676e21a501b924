import { AppError } from "@factmark/core";
import { bodyLimit } from "hono/body-limit";

/** A JSON body at most `maxSize` bytes; larger ones get 413 before they are read whole. */
export function limitBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw tooLarge(maxSize);
    },
  });
}

/** The refusal of a body over `maxSize` bytes: 413 PAYLOAD_TOO_LARGE, naming the limit. */
export function tooLarge(maxSize: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${formatBytes(maxSize)}.`, { maxSize });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

/** Body limits per route family, documented in the README. */
export const BODY_LIMITS = {
  article: 8 * 1024 * 1024,
  default: 256 * 1024,
} as const;
