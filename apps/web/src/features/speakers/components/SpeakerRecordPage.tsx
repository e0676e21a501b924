import { VERDICT_LABELS, VERDICTS } from "@factmark/core";
import { useId } from "react";
import { Link } from "wouter";
import { ApiError, errorMessage } from "../../../lib/ApiError";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { useNewsroomSpeakerQuery } from "../hooks/useNewsroomSpeakerQuery";
import { MergeSpeakerForm } from "./MergeSpeakerForm";
import { SpeakerAliasesEditor } from "./SpeakerAliasesEditor";
import { SpeakerClaimList } from "./SpeakerClaimList";
import { SpeakerKindSelect } from "./SpeakerKindSelect";
import { SpeakerMonthChart } from "./SpeakerMonthChart";
import { countOf } from "./SpeakersPage";
import { VerdictBar } from "./VerdictBar";
import "../speakers.css";

export interface SpeakerRecordPageProps {
  speakerId: string;
}

/**
 * One speaker's record across the newsroom: claims per verdict, a small chart by month, the spellings claims use,
 * the kind, and every live claim linking to its place in its article. Reviewers and up edit the spellings and kind
 * and merge the speaker into another; viewers read.
 */
export function SpeakerRecordPage({ speakerId }: SpeakerRecordPageProps) {
  const id = useId();
  const { can } = useCurrentUser();
  const speakerQuery = useNewsroomSpeakerQuery(speakerId);
  const back = (
    <Link href="/speakers" className="speaker-record__back">
      All speakers
    </Link>
  );
  if (speakerQuery.isPending) {
    return (
      <div className="speaker-record">
        {back}
        <p className="loading">Loading the speaker's record…</p>
      </div>
    );
  }
  if (speakerQuery.isError) {
    const isGone = speakerQuery.error instanceof ApiError && speakerQuery.error.code === "NOT_FOUND";
    return (
      <div className="speaker-record">
        {back}
        <h1>{isGone ? "No such speaker" : "Could not load the speaker"}</h1>
        <p role="alert">
          {isGone
            ? "This speaker is not there: it may have been merged into another."
            : errorMessage(speakerQuery.error)}
        </p>
      </div>
    );
  }
  const speaker = speakerQuery.data;
  const canEdit = can("claim.edit");
  const last = speaker.lastClaimAt
    ? new Date(speaker.lastClaimAt).toLocaleDateString(undefined, { dateStyle: "medium" })
    : null;
  return (
    <article className="speaker-record" aria-labelledby={`${id}-name`}>
      {back}
      <header className="speaker-record__header">
        <h1 id={`${id}-name`}>
          <bdi>{speaker.name}</bdi>
        </h1>
        <p className="speaker-record__summary">
          {countOf(speaker.claimCount, "claim")} in {countOf(speaker.articleCount, "article")}
          {last ? `, the latest on ${last}` : ""}
        </p>
      </header>
      <div className="speaker-record__grid">
        <section className="speaker-record__section" aria-labelledby={`${id}-record`}>
          <h2 id={`${id}-record`}>Record</h2>
          <ul className="verdict-counts" aria-label="Claims per verdict">
            {VERDICTS.map((verdict) => (
              <li key={verdict} className={`verdict-count verdict-count--${verdict}`}>
                <span className="verdict-count__number">{speaker.counts[verdict]}</span>{" "}
                {VERDICT_LABELS[verdict].toLowerCase()}
              </li>
            ))}
          </ul>
          <VerdictBar counts={speaker.counts} label={`${speaker.name}'s claims`} />
          <SpeakerMonthChart byMonth={speaker.byMonth} name={speaker.name} />
        </section>
        <div className="speaker-record__side">
          <section className="speaker-record__section" aria-labelledby={`${id}-about`}>
            <h2 id={`${id}-about`}>About</h2>
            <SpeakerKindSelect speaker={speaker} canEdit={canEdit} />
            {canEdit && <MergeSpeakerForm speaker={speaker} />}
          </section>
          <SpeakerAliasesEditor speaker={speaker} canEdit={canEdit} />
        </div>
      </div>
      <SpeakerClaimList speaker={speaker} />
    </article>
  );
}
