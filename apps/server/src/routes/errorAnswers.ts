import { ERROR_STATUS, type ErrorCode, ZApiError } from "@factmark/core";
import { nameSchema } from "./nameSchema";

// Named, the envelope is one component of the document that every error answer refers to.
const ZErrorAnswer = nameSchema(ZApiError, "Error");

type ErrorAnswer<Code extends ErrorCode> = {
  description: Code;
  content: { "application/json": { schema: typeof ZApiError } };
};

/** The error answers a route documents, each in the one envelope, keyed by the status core's table gives its code. */
export function errorAnswers<const Codes extends ErrorCode[]>(
  ...codes: Codes
): { [Code in Codes[number] as (typeof ERROR_STATUS)[Code]]: ErrorAnswer<Code> } {
  return Object.fromEntries(
    codes.map((code) => [
      ERROR_STATUS[code],
      { description: code, content: { "application/json": { schema: ZErrorAnswer } } },
    ]),
  ) as { [Code in Codes[number] as (typeof ERROR_STATUS)[Code]]: ErrorAnswer<Code> };
}
