import { ApiError, errorMessage } from "../../lib/ApiError";
import { fieldErrorsOf, serverIssues, serverReason } from "../articles/articleDetailsValues";
import { formatFileSize, MAX_UPLOAD_BYTES } from "./checkArticleFile";
import { type ImportSource, NEW_ARTICLE_FIELDS, type NewArticleErrors } from "./parseNewArticle";

/** The field that holds the article itself, for each way in. */
const CONTENT_FIELD = { paste: "content", upload: "file", url: "url" } as const;

/** Why the server would not fetch a page, by `details.reason`. */
const URL_REFUSALS: Record<string, string> = {
  private_address: "That address is on a private network, which Factmark does not fetch from.",
  timeout: "That page took too long to answer, so Factmark gave up. Try again later, or paste the article's text.",
  too_many_redirects:
    "That address redirects too many times to reach a page. Open it in your browser and use the address it ends on.",
  unreachable: "Factmark could not reach that address. Check it for typing mistakes, or paste the article's text.",
  scheme: "Only web pages (http:// or https:// addresses) can be imported.",
  credentials: "That address holds a user name or password. Remove them: Factmark only fetches public pages.",
  empty: "Factmark found no article text on that page. Paste the article's text instead.",
  invalid_document: "That page's text could not be turned into an article. Paste the article's text instead.",
};

/** Why the server would not read a file, by `details.reason`. */
const FILE_REFUSALS: Record<string, string> = {
  unsupported_extension:
    "Factmark reads .txt, .md, .html, .htm and .docx files. Save the article in one of these formats.",
  content_mismatch:
    "This file's content does not match its name: it may be a PDF or another format renamed, or a .docx that is not a Word document. Save it again in the format its name says.",
  unreadable_docx: "This .docx file could not be read as a Word document. Open it in Word and save it again.",
  mostly_script:
    "This HTML file is mostly script, not article text. Save the page as text, or paste the article instead.",
  empty: "This file holds no article text once scripts, styles and images are set aside.",
  invalid_document: "This file's text could not be turned into an article. Paste the article's text instead.",
};

function statusOf(details: unknown): number | undefined {
  if (typeof details !== "object" || details === null || !("status" in details)) return undefined;
  return typeof details.status === "number" ? details.status : undefined;
}

function contentTypeOf(details: unknown): string | undefined {
  if (typeof details !== "object" || details === null || !("contentType" in details)) return undefined;
  return typeof details.contentType === "string" && details.contentType ? details.contentType : undefined;
}

/** What went wrong with one request, in words, for the field it concerns. */
function refusal(error: ApiError, source: ImportSource): string {
  const reason = serverReason(error.details);
  switch (error.code) {
    case "PAYLOAD_TOO_LARGE":
      if (source === "upload") return `This file is over ${formatFileSize(MAX_UPLOAD_BYTES)}, the most Factmark reads.`;
      if (source === "url") return "That page is too large to import. Paste the article's text instead.";
      return "This text is too long to add as one article.";
    case "UNSUPPORTED_MEDIA_TYPE": {
      if (source === "url") {
        const type = contentTypeOf(error.details);
        return `That address leads to ${type ? `a file of type ${type}` : "a file"}, not a web page. Factmark imports HTML or plain-text pages only.`;
      }
      return (reason && FILE_REFUSALS[reason]) ?? FILE_REFUSALS.content_mismatch ?? "";
    }
    case "UNPROCESSABLE": {
      if (source === "url") {
        if (reason === "http_status") {
          const status = statusOf(error.details);
          return `That page answered with an error${status ? ` (HTTP ${status})` : ""} instead of the article. Check the address.`;
        }
        return (reason && URL_REFUSALS[reason]) ?? "Factmark could not import that page.";
      }
      if (source === "upload") return (reason && FILE_REFUSALS[reason]) ?? "Factmark could not read this file.";
      return reason === "empty"
        ? "Nothing is left of this text once scripts, styles and images are removed. Paste the article's text."
        : "This text could not be turned into an article. Try pasting it as plain text.";
    }
    default:
      return "";
  }
}

/**
 * What a reviewer reads when an article cannot be added: by field where the server says which,
 * chosen by `code` and `details.reason`, never by the server's message.
 */
export function importErrorMessages(error: unknown, source: ImportSource): NewArticleErrors {
  if (!(error instanceof ApiError)) return { form: errorMessage(error) };
  switch (error.code) {
    case "VALIDATION_FAILED": {
      const errors = fieldErrorsOf(NEW_ARTICLE_FIELDS, serverIssues(error.details));
      if (Object.keys(errors).length > 0) return errors;
      if (source === "url")
        return { url: "That is not a web address Factmark can fetch. Give a full http:// or https:// address." };
      if (source === "upload") return { file: "The upload could not be read. Choose the file again." };
      return { form: "Some of this article is not valid. Check the fields." };
    }
    case "PAYLOAD_TOO_LARGE":
    case "UNSUPPORTED_MEDIA_TYPE":
    case "UNPROCESSABLE":
      return { [CONTENT_FIELD[source]]: refusal(error, source) };
    case "UNAUTHENTICATED":
      return { form: "You are signed out. Sign in again, then add the article." };
    case "FORBIDDEN":
      return {
        form:
          source === "upload"
            ? "Factmark refused this upload: your account may not add articles, or the upload did not come from this site. Ask an editor if you need access."
            : "Your account may not add articles. Ask an editor or an administrator if you need to.",
      };
    case "RATE_LIMITED":
      return { form: "Too many articles were added in a short time. Wait a minute, then try again." };
    case "NETWORK":
      return { form: error.message };
    default:
      return { form: "The article could not be added. Try again in a moment." };
  }
}
