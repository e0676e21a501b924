import {
  ERROR_STATUS,
  ZApiError,
  ZArticle,
  ZArticleCreate,
  ZArticleFromUrl,
  ZArticleList,
  ZArticleSaved,
  ZArticleUpdate,
  ZArticleUploadFields,
  ZClaim,
  ZClaimCreate,
  ZClaimHistory,
  ZClaimList,
  ZClaimListQuery,
  ZClaimReattach,
  ZClaimUpdate,
  ZContradictionList,
  ZEvidence,
  ZEvidenceCreate,
  ZEvidenceList,
  ZEvidenceUpdate,
  ZLink,
  ZLinkCreate,
  ZLinkList,
  ZNearestMatchAnswer,
  ZSpeakerList,
  ZUndoRequest,
  ZUndoResult,
} from "@factmark/core";
import { z } from "zod";
import { AUTH_OPERATIONS } from "./authOpenApi";
import type { OpenApiOperation } from "./openApiOperation";
import { REPORT_OPERATIONS } from "./reportOpenApi";

const OPERATIONS: OpenApiOperation[] = [
  {
    method: "get",
    path: "/api/articles",
    summary: "List articles with claim counts per verdict",
    response: ZArticleList,
    status: 200,
    errors: [],
  },
  {
    method: "post",
    path: "/api/articles",
    summary: "Create an article from plain text (one paragraph per non-empty line)",
    body: ZArticleCreate,
    response: ZArticle,
    status: 201,
    errors: ["VALIDATION_FAILED", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"],
  },
  {
    method: "get",
    path: "/api/articles/{id}",
    summary: "One article with its document and text",
    response: ZArticle,
    status: 200,
    errors: ["NOT_FOUND"],
  },
  {
    method: "patch",
    path: "/api/articles/{id}",
    summary:
      "Change an article's metadata and/or its body (doc: a document of the editor's schema); a new body re-anchors every claim, and the answer's `reanchored` counts them by outcome",
    body: ZArticleUpdate,
    response: ZArticleSaved,
    status: 200,
    ifMatch: "required",
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "PRECONDITION_FAILED", "PRECONDITION_REQUIRED", "PAYLOAD_TOO_LARGE"],
  },
  {
    method: "post",
    path: "/api/articles/upload",
    summary:
      "Create an article from a .txt, .md, .html or .docx file (multipart field `file`, at most 5 MB), sanitised to the editor's schema",
    form: { fields: ZArticleUploadFields, file: "file" },
    response: ZArticle,
    status: 201,
    errors: ["VALIDATION_FAILED", "FORBIDDEN", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "UNPROCESSABLE"],
  },
  {
    method: "post",
    path: "/api/articles/from-url",
    summary:
      "Create an article from a web page: fetched SSRF-safely (public addresses only, 5 redirects, 10 s, 5 MB, HTML or text), extracted with Readability",
    body: ZArticleFromUrl,
    response: ZArticle,
    status: 201,
    errors: ["VALIDATION_FAILED", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "UNPROCESSABLE"],
  },
  {
    method: "delete",
    path: "/api/articles/{id}",
    summary: "Delete an article",
    status: 204,
    ifMatch: "optional",
    errors: ["NOT_FOUND", "PRECONDITION_FAILED"],
  },
  {
    method: "get",
    path: "/api/articles/{id}/claims",
    summary:
      "The article's claims in document order; with since=<cursor of an earlier answer>, only the claims " +
      "written after it and the ids of those deleted",
    query: ZClaimListQuery,
    response: ZClaimList,
    status: 200,
    errors: ["NOT_FOUND", "VALIDATION_FAILED"],
  },
  {
    method: "post",
    path: "/api/articles/{id}/claims",
    summary: "Mark a claim from a position and/or quote selector",
    body: ZClaimCreate,
    response: ZClaim,
    status: 201,
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "UNPROCESSABLE", "UNSUPPORTED_MEDIA_TYPE", "PAYLOAD_TOO_LARGE"],
  },
  {
    method: "get",
    path: "/api/claims/{id}",
    summary: "One claim",
    response: ZClaim,
    status: 200,
    errors: ["NOT_FOUND"],
  },
  {
    method: "patch",
    path: "/api/claims/{id}",
    summary: "Change a claim's verdict, speaker or rationale",
    body: ZClaimUpdate,
    response: ZClaim,
    status: 200,
    ifMatch: "required",
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "PRECONDITION_FAILED", "PRECONDITION_REQUIRED"],
  },
  {
    method: "delete",
    path: "/api/claims/{id}",
    summary: "Delete a claim (restorable)",
    response: ZClaim,
    status: 200,
    ifMatch: "optional",
    errors: ["NOT_FOUND", "PRECONDITION_FAILED"],
  },
  {
    method: "post",
    path: "/api/claims/{id}/restore",
    summary: "Restore a deleted claim (undo)",
    response: ZClaim,
    status: 200,
    ifMatch: "optional",
    errors: ["NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED"],
  },
  {
    method: "get",
    path: "/api/articles/{id}/links",
    summary: "The article's links between live claims",
    response: ZLinkList,
    status: 200,
    errors: ["NOT_FOUND"],
  },
  {
    method: "post",
    path: "/api/articles/{id}/links",
    summary: "Link two live claims of the article (contradicts or supports); recorded on both claims",
    body: ZLinkCreate,
    response: ZLink,
    status: 201,
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "UNPROCESSABLE", "CONFLICT", "UNSUPPORTED_MEDIA_TYPE"],
  },
  {
    method: "get",
    path: "/api/articles/{id}/speakers",
    summary: "The speakers named on the article's claims, A to Z (autocomplete)",
    response: ZSpeakerList,
    status: 200,
    errors: ["NOT_FOUND"],
  },
  {
    method: "get",
    path: "/api/articles/{id}/contradictions",
    summary: "Every contradicts link with both claims in full, side by side",
    response: ZContradictionList,
    status: 200,
    errors: ["NOT_FOUND"],
  },
  {
    method: "delete",
    path: "/api/links/{id}",
    summary: "Remove a link (restorable); answers the link",
    response: ZLink,
    status: 200,
    errors: ["NOT_FOUND", "CONFLICT"],
  },
  {
    method: "post",
    path: "/api/links/{id}/restore",
    summary: "Restore a removed link (undo)",
    response: ZLink,
    status: 200,
    errors: ["NOT_FOUND", "CONFLICT", "UNPROCESSABLE"],
  },
  {
    method: "get",
    path: "/api/claims/{id}/evidence",
    summary: "The claim's evidence, oldest first",
    response: ZEvidenceList,
    status: 200,
    errors: ["NOT_FOUND"],
  },
  {
    method: "post",
    path: "/api/claims/{id}/evidence",
    summary: "Attach a source (http/https URL) to the claim",
    body: ZEvidenceCreate,
    response: ZEvidence,
    status: 201,
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "UNSUPPORTED_MEDIA_TYPE", "PAYLOAD_TOO_LARGE"],
  },
  {
    method: "get",
    path: "/api/evidence/{id}",
    summary: "One piece of evidence",
    response: ZEvidence,
    status: 200,
    errors: ["NOT_FOUND"],
  },
  {
    method: "patch",
    path: "/api/evidence/{id}",
    summary: "Change a piece of evidence",
    body: ZEvidenceUpdate,
    response: ZEvidence,
    status: 200,
    ifMatch: "required",
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "PRECONDITION_FAILED", "PRECONDITION_REQUIRED"],
  },
  {
    method: "delete",
    path: "/api/evidence/{id}",
    summary: "Remove a piece of evidence (restorable); answers it as it was",
    response: ZEvidence,
    status: 200,
    ifMatch: "optional",
    errors: ["NOT_FOUND", "PRECONDITION_FAILED"],
  },
  {
    method: "post",
    path: "/api/evidence/{id}/restore",
    summary: "Restore removed evidence (undo)",
    response: ZEvidence,
    status: 200,
    ifMatch: "optional",
    errors: ["NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED"],
  },
  {
    method: "post",
    path: "/api/claims/{id}/reattach",
    summary: "Put a claim (an orphan, usually) on new text: selectors checked as on creation; no longer orphaned",
    body: ZClaimReattach,
    response: ZClaim,
    status: 200,
    ifMatch: "optional",
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "PRECONDITION_FAILED", "UNPROCESSABLE", "UNSUPPORTED_MEDIA_TYPE"],
  },
  {
    method: "post",
    path: "/api/claims/{id}/anchor-confirmation",
    summary: "Confirm the place a save moved a claim to (a fuzzy match): clears isAnchorUnconfirmed; recorded",
    response: ZClaim,
    status: 200,
    ifMatch: "required",
    errors: ["NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED", "PRECONDITION_REQUIRED", "UNSUPPORTED_MEDIA_TYPE"],
  },
  {
    method: "get",
    path: "/api/claims/{id}/nearest-match",
    summary: "For an orphan: the closest words in the article now, with what differs, or null",
    response: ZNearestMatchAnswer,
    status: 200,
    errors: ["NOT_FOUND", "CONFLICT"],
  },
  {
    method: "get",
    path: "/api/claims/{id}/history",
    summary: "The claim's history, newest first, and the entry an undo would revert",
    response: ZClaimHistory,
    status: 200,
    errors: ["NOT_FOUND"],
  },
  {
    method: "post",
    path: "/api/claims/{id}/history/undo",
    summary: "Undo the claim's last change that is not undone yet; recorded as a claim.undone entry",
    body: ZUndoRequest,
    response: ZUndoResult,
    status: 200,
    ifMatch: "optional",
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED", "UNPROCESSABLE"],
  },
  ...REPORT_OPERATIONS,
  ...AUTH_OPERATIONS,
];

function schemaOf(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "openapi-3.0" });
}

/** A multipart body: the fields' schema with the file field added as binary. */
function formBodyOf(form: { fields: z.ZodType; file: string }) {
  const fields = schemaOf(form.fields) as { properties?: Record<string, unknown>; required?: string[] };
  const schema = {
    ...fields,
    properties: { [form.file]: { type: "string", format: "binary" }, ...fields.properties },
    required: [form.file, ...(fields.required ?? [])],
  };
  return { required: true, content: { "multipart/form-data": { schema } } };
}

let cached: unknown;

/** The OpenAPI 3.0 document of the API, built from the same core schemas that validate requests. */
export function openApiDocument(): unknown {
  cached ??= build();
  return cached;
}

function build() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    const parameters: unknown[] = [];
    if (operation.path.includes("{id}")) {
      parameters.push({ name: "id", in: "path", required: true, schema: { type: "string" } });
    }
    for (const [name, schema] of Object.entries(operation.query?.shape ?? {})) {
      parameters.push({
        name,
        in: "query",
        required: !schema.safeParse(undefined).success,
        schema: { type: "string" },
      });
    }
    if (operation.ifMatch) {
      parameters.push({
        name: "If-Match",
        in: "header",
        required: operation.ifMatch === "required",
        description: 'The version read, as its ETag: "3".',
        schema: { type: "string" },
      });
    }
    const responses: Record<string, unknown> = {
      [operation.status]: operation.response
        ? { description: "OK", content: { "application/json": { schema: schemaOf(operation.response) } } }
        : { description: "Done" },
    };
    for (const code of operation.errors) {
      responses[ERROR_STATUS[code]] = {
        description: code,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    }
    const pathItem = paths[operation.path] ?? {};
    paths[operation.path] = pathItem;
    pathItem[operation.method] = {
      summary: operation.summary,
      parameters,
      ...(operation.body
        ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(operation.body) } } } }
        : {}),
      ...(operation.form ? { requestBody: formBodyOf(operation.form) } : {}),
      responses,
    };
  }
  return {
    openapi: "3.0.3",
    info: { title: "Factmark API", version: "0.1.0", description: "Fact-check annotation of news articles." },
    paths,
    components: { schemas: { Error: schemaOf(ZApiError) } },
  };
}
