import { ERROR_STATUS, type ErrorCode } from "./errorCodes";

/** An error with a code the API can answer with. Services throw it; one handler maps it to a response. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
