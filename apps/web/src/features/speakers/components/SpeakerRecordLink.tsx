import { Link } from "wouter";

/** The address of the record of the speaker a spelling belongs to (SpeakerByName resolves it). */
export function speakerRecordAddress(spelling: string): string {
  return `/speakers/by-name/${encodeURIComponent(spelling)}`;
}

/**
 * "record": a link from a claim's speaker to that speaker's record across the newsroom. Nothing for a claim without
 * a speaker.
 */
export function SpeakerRecordLink({ speaker }: { speaker: string | null }) {
  if (!speaker?.trim()) return null;
  return (
    <Link href={speakerRecordAddress(speaker)} className="speaker-record-link" aria-label={`Record of “${speaker}”`}>
      record
    </Link>
  );
}
