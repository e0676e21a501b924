import type { NewsroomSpeaker } from "@factmark/core";
import { useEffect, useId, useState } from "react";
import { Link } from "wouter";
import { errorMessage } from "../../../lib/ApiError";
import { useDelayedValue } from "../../../lib/useDelayedValue";
import { useUrlParams } from "../../../lib/useUrlParams";
import { useNewsroomSpeakersQuery } from "../hooks/useNewsroomSpeakersQuery";
import { SPEAKER_KIND_LABELS } from "../speakerKindLabels";
import { VerdictBar } from "./VerdictBar";
import "../speakers.css";

/** How long the search box waits after the last key before it asks, in milliseconds. */
const SEARCH_DELAY_MS = 250;

/** "1 claim", "3 claims". */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * Everyone the newsroom's claims are attributed to, across articles, A to Z: each speaker's name (to its record),
 * kind, other spellings, and claims per verdict as a small bar. The search box narrows by name or alias, case and
 * accents aside; what it holds lives in the URL (`?q=`), so Back and a reload keep it.
 */
export function SpeakersPage() {
  const id = useId();
  const [params, changeParams] = useUrlParams();
  const urlQ = params.get("q") ?? "";
  const [search, setSearch] = useState(urlQ);
  const typed = useDelayedValue(search.trim(), SEARCH_DELAY_MS);
  const speakersQuery = useNewsroomSpeakersQuery(urlQ);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new pause in typing writes the URL.
  useEffect(() => {
    if (typed !== urlQ) changeParams({ q: typed });
  }, [typed]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the URL's words moves the box.
  useEffect(() => {
    if (urlQ !== search.trim()) setSearch(urlQ);
  }, [urlQ]);

  const speakers = speakersQuery.data ?? [];
  return (
    <section className="speakers-page" aria-labelledby={`${id}-heading`}>
      <div className="page-heading">
        <h1 id={`${id}-heading`}>Speakers</h1>
      </div>
      <p className="speakers-page__intro">
        Everyone the newsroom's claims are attributed to, across articles, with how their claims were judged.
      </p>
      <search className="speakers-page__search" aria-label="Find speakers">
        <label htmlFor={`${id}-search`}>Find a speaker</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          placeholder="Name or another spelling"
          maxLength={200}
          onChange={(event) => setSearch(event.target.value)}
        />
      </search>
      {speakersQuery.isPending ? (
        <p className="loading">Loading the speakers…</p>
      ) : speakersQuery.isError ? (
        <p role="alert">Could not load the speakers: {errorMessage(speakersQuery.error)}</p>
      ) : speakers.length === 0 ? (
        <p className="empty-state">
          {urlQ ? `No speaker's name or alias holds “${urlQ}”.` : "No claim names a speaker yet."}
        </p>
      ) : (
        <>
          <p className="visually-hidden" role="status">
            {countOf(speakers.length, "speaker")}
          </p>
          <ul className="speaker-list" aria-busy={speakersQuery.isPlaceholderData || undefined}>
            {speakers.map((speaker) => (
              <SpeakerListItem key={speaker.id} speaker={speaker} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function SpeakerListItem({ speaker }: { speaker: NewsroomSpeaker }) {
  const others = speaker.aliases.filter((alias) => alias !== speaker.name);
  return (
    <li className="speaker-list__item">
      <div className="speaker-list__who">
        <Link href={`/speakers/${encodeURIComponent(speaker.id)}`} className="speaker-list__name">
          <bdi>{speaker.name}</bdi>
        </Link>
        <span className={`speaker-kind${speaker.kind ? "" : " speaker-kind--unset"}`}>
          {speaker.kind ? SPEAKER_KIND_LABELS[speaker.kind] : "Kind not set"}
        </span>
        {others.length > 0 && (
          <p className="speaker-list__aliases">
            Also spelled{" "}
            {others.map((alias, index) => (
              <span key={alias}>
                {index > 0 && ", "}
                <bdi>{alias}</bdi>
              </span>
            ))}
          </p>
        )}
      </div>
      <div className="speaker-list__record">
        <VerdictBar counts={speaker.counts} label={`${speaker.name}'s claims`} />
        <span className="speaker-list__count">
          {countOf(speaker.claimCount, "claim")} in {countOf(speaker.articleCount, "article")}
        </span>
      </div>
    </li>
  );
}
