import type { SpeakerKind } from "@factmark/core";

/** How a speaker's kind reads on the speakers' pages. */
export const SPEAKER_KIND_LABELS: Record<SpeakerKind, string> = { Person: "Person", Organization: "Organization" };
