import type { NewsroomSpeakerDetail } from "@factmark/core";
import { useId, useState } from "react";
import { Link } from "wouter";
import { VerdictBadge } from "../../search/components/VerdictBadge";
import { claimAddress } from "../../workflow/claimAddress";
import { countOf } from "./SpeakersPage";

/** How many claims show at first, and how many more each "Show more" adds. */
const PAGE = 50;

export interface SpeakerClaimListProps {
  speaker: NewsroomSpeakerDetail;
}

/**
 * The speaker's live claims, newest first: each quote opens the claim in its article; its verdict, article, date,
 * the spelling it gives when not the shown name, and whether its article's fact-check is published.
 */
export function SpeakerClaimList({ speaker }: SpeakerClaimListProps) {
  const id = useId();
  const [shown, setShown] = useState(PAGE);
  const claims = speaker.claims.slice(0, shown);
  return (
    <section className="speaker-record__section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Claims</h2>
      {speaker.claims.length === 0 ? (
        <p className="empty-state">No live claim is attributed to this speaker.</p>
      ) : (
        <ul className="speaker-claims">
          {claims.map((claim) => (
            <li key={claim.id} className="speaker-claims__item">
              <VerdictBadge verdict={claim.verdict} />
              <Link href={claimAddress(claim.article.id, claim.id)} className="speaker-claims__quote">
                “<bdi dir="auto">{claim.quote}</bdi>”
              </Link>
              <p className="speaker-claims__meta">
                <bdi>{claim.article.title}</bdi>
                {" · "}
                <time dateTime={claim.createdAt}>
                  {new Date(claim.createdAt).toLocaleDateString(undefined, { dateStyle: "medium" })}
                </time>
                {claim.speaker !== speaker.name && (
                  <>
                    {" · as “"}
                    <bdi>{claim.speaker}</bdi>”
                  </>
                )}
                {claim.article.isPublished && <span className="speaker-claims__published">Published</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
      {speaker.claims.length > shown && (
        <button type="button" className="button button--small" onClick={() => setShown((count) => count + PAGE)}>
          Show more ({countOf(speaker.claims.length - shown, "claim")} left)
        </button>
      )}
    </section>
  );
}
