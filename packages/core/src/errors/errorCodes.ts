import { z } from "zod";

/** Every error the API answers with, and the HTTP status it carries. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PRECONDITION_FAILED: 412,
  UNPROCESSABLE: 422,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  /**
   * The database could not take the write in time (a burst of writers on one article), or cannot be reached (it is
   * restarting): try again.
   */
  BUSY: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

const CODE_FOR_STATUS: ReadonlyMap<number, ErrorCode> = new Map(
  Object.entries(ERROR_STATUS).map(([code, status]) => [status, code as ErrorCode]),
);

/**
 * The code of an error that comes with a status only (a framework's own HTTP error, say), read backwards from
 * ERROR_STATUS: every status there belongs to one code. Undefined for a status no code carries.
 */
export function errorCodeForStatus(status: number): ErrorCode | undefined {
  return CODE_FOR_STATUS.get(status);
}

export const ZErrorCode = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

/** The one error envelope: `{ "error": { "code", "message", "details"? } }`. */
export const ZApiError = z.object({
  error: z.object({
    code: ZErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ZApiError>;
