import { type NewsroomSpeakerDetail, SPEAKER_KINDS, type SpeakerKind } from "@factmark/core";
import { useId } from "react";
import { errorMessage } from "../../../lib/ApiError";
import { useUpdateNewsroomSpeakerMutation } from "../hooks/useNewsroomSpeakerMutations";
import { SPEAKER_KIND_LABELS } from "../speakerKindLabels";

export interface SpeakerKindSelectProps {
  speaker: NewsroomSpeakerDetail;
  canEdit: boolean;
}

/**
 * Whether the speaker is a person or an organisation: what ClaimReview says of its claims wherever an article does
 * not say otherwise. Saved as soon as it is chosen; read-only for those who may not edit.
 */
export function SpeakerKindSelect({ speaker, canEdit }: SpeakerKindSelectProps) {
  const id = useId();
  const update = useUpdateNewsroomSpeakerMutation(speaker.id);
  const pendingKind = update.isPending ? update.variables?.kind : undefined;
  const kind = pendingKind !== undefined ? pendingKind : speaker.kind;
  if (!canEdit) {
    return (
      <p className="speaker-record__kind">
        <span className="field__label">Kind</span> {kind ? SPEAKER_KIND_LABELS[kind] : "Not set"}
      </p>
    );
  }
  return (
    <div className="field speaker-record__kind">
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select
        id={`${id}-kind`}
        value={kind ?? ""}
        disabled={update.isPending}
        aria-describedby={`${id}-kind-help`}
        onChange={(event) =>
          update.mutate({ kind: event.target.value === "" ? null : (event.target.value as SpeakerKind) })
        }
      >
        <option value="">Not set</option>
        {SPEAKER_KINDS.map((option) => (
          <option key={option} value={option}>
            {SPEAKER_KIND_LABELS[option]}
          </option>
        ))}
      </select>
      <p id={`${id}-kind-help`} className="field__help">
        Published fact-checks say this where an article does not.
      </p>
      {update.isError && (
        <p className="field__error" role="alert">
          Could not save the kind: {errorMessage(update.error)}
        </p>
      )}
    </div>
  );
}
