import {
  ZClaim,
  ZClaimHistory,
  ZClaimReattach,
  ZClaimUpdate,
  ZEvidence,
  ZEvidenceCreate,
  ZEvidenceList,
  ZIdParam,
  ZNearestMatchAnswer,
  ZReviewCreate,
  ZReviewList,
  ZReviewResult,
  ZUndoRequest,
  ZUndoResult,
} from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { etag, readIfMatch, requireIfMatch } from "../middleware/ifMatch";
import { BODY_LIMITS } from "../middleware/limitBody";
import { confirmClaimAnchor } from "../services/claims/confirmClaimAnchor";
import { deleteClaim, restoreClaim } from "../services/claims/deleteClaim";
import { findClaimNearestMatch } from "../services/claims/findClaimNearestMatch";
import { getClaim } from "../services/claims/getClaim";
import { getClaimHistory } from "../services/claims/getClaimHistory";
import { reattachClaim } from "../services/claims/reattachClaim";
import { undoClaimChange } from "../services/claims/undoClaimChange";
import { updateClaim } from "../services/claims/updateClaim";
import { createEvidence } from "../services/evidence/createEvidence";
import { listEvidence } from "../services/evidence/listEvidence";
import { listReviews } from "../services/reviews/listReviews";
import { reviewClaim } from "../services/reviews/reviewClaim";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { ifMatchHeader } from "./ifMatchHeader";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";

/** /api/claims/:id: read, change (If-Match), delete and restore one claim; its evidence, reviews and history. */
export function claimRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}",
        summary: "One claim",
        request: { params: ZIdParam },
        responses: { 200: jsonAnswer(ZClaim, "The claim"), ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND") },
      }),
      async (c) => {
        const claim = await getClaim(db, c.req.valid("param").id);
        c.header("ETag", etag(claim));
        return c.json(claim, 200);
      },
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/{id}",
        summary:
          "Change a claim's verdict, speaker, rationale, assignee (editors) or status up to ready-for-review; a verdict or rationale change sends a reviewed claim back to review",
        middleware: [acceptJson(BODY_LIMITS.default)],
        parameters: [ifMatchHeader("required")],
        request: { params: ZIdParam, body: jsonRequest(ZClaimUpdate) },
        responses: {
          200: jsonAnswer(ZClaim, "The claim as changed"),
          ...errorAnswers(
            "VALIDATION_FAILED",
            "FORBIDDEN",
            "NOT_FOUND",
            "PRECONDITION_FAILED",
            "UNPROCESSABLE",
            "PRECONDITION_REQUIRED",
          ),
        },
      }),
      async (c) => {
        const version = requireIfMatch(c);
        const claim = await updateClaim(db, c.get("actor"), c.req.valid("param").id, version, c.req.valid("json"));
        c.header("ETag", etag(claim));
        return c.json(claim, 200);
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/{id}",
        summary: "Delete a claim (restorable)",
        middleware: [acceptJson(BODY_LIMITS.default)],
        parameters: [ifMatchHeader("optional")],
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZClaim, "The claim as it was"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND", "PRECONDITION_FAILED"),
        },
      }),
      async (c) => {
        const claim = await deleteClaim(db, c.get("actor"), c.req.valid("param").id, readIfMatch(c));
        c.header("ETag", etag(claim));
        return c.json(claim, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/restore",
        summary: "Restore a deleted claim (undo)",
        middleware: [acceptJson(BODY_LIMITS.default)],
        parameters: [ifMatchHeader("optional")],
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZClaim, "The claim restored"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED"),
        },
      }),
      async (c) => {
        const claim = await restoreClaim(db, c.get("actor"), c.req.valid("param").id, readIfMatch(c));
        c.header("ETag", etag(claim));
        return c.json(claim, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/reattach",
        summary: "Put a claim (an orphan, usually) on new text: selectors checked as on creation; no longer orphaned",
        middleware: [acceptJson(BODY_LIMITS.default)],
        parameters: [ifMatchHeader("optional")],
        request: { params: ZIdParam, body: jsonRequest(ZClaimReattach) },
        responses: {
          200: jsonAnswer(ZClaim, "The claim on its new text"),
          ...errorAnswers(
            "VALIDATION_FAILED",
            "NOT_FOUND",
            "PRECONDITION_FAILED",
            "UNPROCESSABLE",
            "UNSUPPORTED_MEDIA_TYPE",
          ),
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const claim = await reattachClaim(db, c.get("actor"), id, c.req.valid("json"), readIfMatch(c));
        c.header("ETag", etag(claim));
        return c.json(claim, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/anchor-confirmation",
        summary: "Confirm the place a save moved a claim to (a fuzzy match): clears isAnchorUnconfirmed; recorded",
        middleware: [acceptJson(BODY_LIMITS.default)],
        parameters: [ifMatchHeader("required")],
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZClaim, "The claim, its place confirmed"),
          ...errorAnswers(
            "VALIDATION_FAILED",
            "NOT_FOUND",
            "CONFLICT",
            "PRECONDITION_FAILED",
            "PRECONDITION_REQUIRED",
            "UNSUPPORTED_MEDIA_TYPE",
          ),
        },
      }),
      async (c) => {
        const claim = await confirmClaimAnchor(db, c.get("actor"), c.req.valid("param").id, requireIfMatch(c));
        c.header("ETag", etag(claim));
        return c.json(claim, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/nearest-match",
        summary: "For an orphan: the closest words in the article now, with what differs, or null",
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZNearestMatchAnswer, "The nearest match, or null"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND", "CONFLICT"),
        },
      }),
      async (c) => c.json(await findClaimNearestMatch(db, c.req.valid("param").id), 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/evidence",
        summary: "The claim's evidence, oldest first",
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZEvidenceList, "The evidence"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND"),
        },
      }),
      async (c) => c.json({ items: await listEvidence(db, c.req.valid("param").id) }, 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/evidence",
        summary: "Attach a source (http/https URL) to the claim",
        middleware: [acceptJson(BODY_LIMITS.default)],
        request: { params: ZIdParam, body: jsonRequest(ZEvidenceCreate) },
        responses: {
          201: jsonAnswer(ZEvidence, "The evidence attached"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND", "UNSUPPORTED_MEDIA_TYPE", "PAYLOAD_TOO_LARGE"),
        },
      }),
      async (c) => {
        const evidence = await createEvidence(db, c.get("actor"), c.req.valid("param").id, c.req.valid("json"));
        c.header("ETag", etag(evidence));
        c.header("Location", `/api/evidence/${evidence.id}`);
        return c.json(evidence, 201);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/reviews",
        summary: "The claim's reviews, every round, oldest first",
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZReviewList, "The reviews"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND"),
        },
      }),
      async (c) => c.json({ items: await listReviews(db, c.get("actor"), c.req.valid("param").id) }, 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/reviews",
        summary:
          "Approve a claim ready for review, or request changes with a note (editors; never on a verdict one set oneself)",
        middleware: [acceptJson(BODY_LIMITS.default)],
        parameters: [ifMatchHeader("required")],
        request: { params: ZIdParam, body: jsonRequest(ZReviewCreate) },
        responses: {
          201: jsonAnswer(ZReviewResult, "The review, and the claim as it now stands (its ETag too)"),
          ...errorAnswers(
            "VALIDATION_FAILED",
            "FORBIDDEN",
            "NOT_FOUND",
            "CONFLICT",
            "PRECONDITION_FAILED",
            "PRECONDITION_REQUIRED",
            "UNSUPPORTED_MEDIA_TYPE",
          ),
        },
      }),
      async (c) => {
        const version = requireIfMatch(c);
        const { id } = c.req.valid("param");
        const result = await reviewClaim(db, c.get("actor"), id, version, c.req.valid("json"));
        c.header("ETag", etag(result.claim));
        c.header("Location", `/api/claims/${id}/reviews`);
        return c.json(result, 201);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/history",
        summary: "The claim's history, newest first, and the entry an undo would revert",
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZClaimHistory, "The history"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND"),
        },
      }),
      async (c) => c.json(await getClaimHistory(db, c.req.valid("param").id), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/history/undo",
        summary: "Undo the claim's last change that is not undone yet; recorded as a claim.undone entry",
        middleware: [acceptJson(BODY_LIMITS.default)],
        parameters: [ifMatchHeader("optional")],
        request: { params: ZIdParam, body: jsonRequest(ZUndoRequest) },
        responses: {
          200: jsonAnswer(ZUndoResult, "The claim after the undo, and what was undone"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED", "UNPROCESSABLE"),
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const result = await undoClaimChange(db, c.get("actor"), id, c.req.valid("json"), readIfMatch(c));
        c.header("ETag", etag(result.claim));
        return c.json(result, 200);
      },
    );
}
