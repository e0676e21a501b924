import type { EvidenceStance } from "@factmark/core";

/** How a stance reads to a reviewer. */
export const STANCE_LABELS: Record<EvidenceStance, string> = {
  supports: "Supports",
  contradicts: "Contradicts",
  context: "Context",
};
