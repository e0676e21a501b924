import type { Evidence } from "@factmark/core";

/** What a history entry keeps of a piece of evidence: enough to show it and to undo its change. */
export function evidenceEventValue(evidence: Evidence) {
  return {
    evidenceId: evidence.id,
    url: evidence.url,
    title: evidence.title,
    excerpt: evidence.excerpt,
    stance: evidence.stance,
  };
}
