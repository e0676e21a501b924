import { speakerNameKey } from "@factmark/core";
import { Link, Redirect } from "wouter";
import { errorMessage } from "../../../lib/ApiError";
import { useNewsroomSpeakersQuery } from "../hooks/useNewsroomSpeakersQuery";

/**
 * `/speakers/by-name/:name`: the record of the speaker a claim's spelling belongs to, found by GET /api/speakers?q=
 * (the speaker with that exact spelling, else one whose spelling differs only in case, accents or hyphens); the
 * address is replaced by the record's own. Says so when no speaker has it.
 */
export function SpeakerByName({ name }: { name: string }) {
  const speakersQuery = useNewsroomSpeakersQuery(name);
  if (speakersQuery.isPending || speakersQuery.isPlaceholderData) {
    return <p className="loading page-message">Finding “{name}”…</p>;
  }
  if (speakersQuery.isError) {
    return (
      <p className="page-message" role="alert">
        Could not find the speaker: {errorMessage(speakersQuery.error)}
      </p>
    );
  }
  const key = speakerNameKey(name);
  const speaker =
    speakersQuery.data.find((candidate) => candidate.aliases.includes(name)) ??
    speakersQuery.data.find((candidate) => candidate.aliases.some((alias) => speakerNameKey(alias) === key));
  if (speaker) return <Redirect to={`/speakers/${encodeURIComponent(speaker.id)}`} replace />;
  return (
    <div className="page-message">
      <h1>No record for “{name}”</h1>
      <p>No live claim names this speaker any more.</p>
      <Link href={`/speakers?q=${encodeURIComponent(name)}`}>Search the speakers</Link>
    </div>
  );
}
