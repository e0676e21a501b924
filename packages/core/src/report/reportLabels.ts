import type { EvidenceStance } from "../schemas/evidence";
import type { LinkKind } from "../schemas/link";

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
