import type { SpeakerKind, SpeakerKinds } from "@factmark/core";
import type { DbClient } from "../../repositories/articleRepository";
import { findKindsOfSpellings } from "../../repositories/newsroomSpeakerRepository";

/**
 * An article's speakers' kinds as ClaimReview uses them: the article's own `speakerKinds`, and for each spelling the
 * article gives no kind, the newsroom's kind of the speaker that spelling belongs to (set on the speakers page), when
 * it has one. The article's own entry always wins: a desk may call an outlet's byline an organisation in one piece.
 */
export async function withNewsroomSpeakerKinds(
  db: DbClient,
  own: SpeakerKinds,
  spellings: Iterable<string | null>,
): Promise<SpeakerKinds> {
  const missing = [...new Set(spellings)].filter(
    (spelling): spelling is string => spelling !== null && spelling.trim() !== "" && !Object.hasOwn(own, spelling),
  );
  if (missing.length === 0) return own;
  const kinds = await findKindsOfSpellings(db, missing);
  if (kinds.size === 0) return own;
  return { ...own, ...(Object.fromEntries(kinds) as Record<string, SpeakerKind>) };
}
