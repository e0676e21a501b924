import {
  type Evidence,
  type EvidenceCreate,
  type EvidenceStance,
  type EvidenceUpdate,
  ZEvidenceCreate,
  ZEvidenceUpdate,
} from "@factmark/core";

/** What the evidence form holds: every field as typed. */
export interface EvidenceFormValues {
  url: string;
  title: string;
  excerpt: string;
  stance: EvidenceStance;
}

/** A message per field, and `form` for what concerns no single field. */
export type EvidenceFieldErrors = Partial<Record<keyof EvidenceFormValues | "form", string>>;

export type Parsed<T> = { isValid: true; data: T } | { isValid: false; errors: EvidenceFieldErrors };

const FIELDS = ["url", "title", "excerpt", "stance"] as const;

export const EMPTY_EVIDENCE_VALUES: EvidenceFormValues = { url: "", title: "", excerpt: "", stance: "supports" };

export function evidenceFormValues(evidence: Evidence): EvidenceFormValues {
  return { url: evidence.url, title: evidence.title ?? "", excerpt: evidence.excerpt ?? "", stance: evidence.stance };
}

/** Field errors from issues with a path: the core schemas' on the client, the server's `details.issues` after it. */
export function fieldErrorsOf(
  issues: readonly { path: PropertyKey[] | string; message: string }[],
): EvidenceFieldErrors {
  const errors: EvidenceFieldErrors = {};
  for (const issue of issues) {
    const first = typeof issue.path === "string" ? issue.path.split(".")[0] : issue.path[0];
    const field = FIELDS.find((name) => name === first) ?? "form";
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The body of POST /api/claims/:id/evidence, checked with the same schema the server uses. */
export function parseEvidenceCreate(values: EvidenceFormValues): Parsed<EvidenceCreate> {
  const parsed = ZEvidenceCreate.safeParse({
    url: values.url,
    title: values.title,
    excerpt: values.excerpt.trim() ? values.excerpt : null,
    stance: values.stance,
  });
  return parsed.success
    ? { isValid: true, data: parsed.data }
    : { isValid: false, errors: fieldErrorsOf(parsed.error.issues) };
}

/**
 * The body of PATCH /api/evidence/:id: only the fields that changed, checked with the server's
 * schema; `data` is null when nothing changed.
 */
export function parseEvidenceUpdate(evidence: Evidence, values: EvidenceFormValues): Parsed<EvidenceUpdate | null> {
  const next = {
    url: values.url.trim(),
    title: values.title.trim() || null,
    excerpt: values.excerpt.trim() ? values.excerpt : null,
    stance: values.stance,
  };
  const change = Object.fromEntries(
    FIELDS.filter((field) => next[field] !== evidence[field]).map((field) => [field, next[field]]),
  );
  if (Object.keys(change).length === 0) return { isValid: true, data: null };
  const parsed = ZEvidenceUpdate.safeParse(change);
  return parsed.success
    ? { isValid: true, data: parsed.data }
    : { isValid: false, errors: fieldErrorsOf(parsed.error.issues) };
}
