import { EVIDENCE_STANCE_LABELS } from "@factmark/core";

/**
 * Core's stance labels under their old web name, kept for features/history until it imports them from core.
 * @deprecated Import EVIDENCE_STANCE_LABELS from "@factmark/core".
 */
export const STANCE_LABELS = EVIDENCE_STANCE_LABELS;
