import type { EvidenceStance } from "../schemas/evidence";
import type { LinkKind } from "../schemas/link";
import type { ConclusionRating } from "../schemas/publication";

/** How an evidence stance reads to a person: in the evidence panel, the history and every report format. */
export const EVIDENCE_STANCE_LABELS: Record<EvidenceStance, string> = {
  supports: "Supports",
  contradicts: "Contradicts",
  context: "Context",
};

/** How a link reads from its first claim, and from its second. */
export const LINK_KIND_LABELS: Record<LinkKind, { outgoing: string; incoming: string }> = {
  contradicts: { outgoing: "Contradicts", incoming: "Contradicted by" },
  supports: { outgoing: "Supports", incoming: "Supported by" },
};

/**
 * The colour of each conclusion rating's badge, from green (accurate) through amber to red (inaccurate), grey for
 * unproven; each reaches a contrast of at least 4.5:1 with white text. The rating's label always stands beside it.
 */
export const CONCLUSION_RATING_COLOURS: Record<ConclusionRating, string> = {
  accurate: "#1a7f37",
  "mostly-accurate": "#3f6e22",
  mixed: "#8a5300",
  "mostly-inaccurate": "#a8431a",
  inaccurate: "#b42318",
  unproven: "#57606a",
};
