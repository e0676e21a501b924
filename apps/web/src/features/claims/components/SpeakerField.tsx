import { type Claim, ZSpeaker } from "@factmark/core";
import { useId, useState } from "react";
import { useSpeakersQuery } from "../hooks/useSpeakersQuery";

export interface SpeakerFieldProps {
  claim: Claim;
  onSave: (speaker: string | null) => void;
}

/** Who made the claim: free text, suggesting the speakers already used in this article. Saved on Enter or on leaving the field. */
export function SpeakerField({ claim, onSave }: SpeakerFieldProps) {
  const id = useId();
  const speakersQuery = useSpeakersQuery(claim.articleId);
  const [draft, setDraft] = useState(claim.speaker ?? "");
  const [error, setError] = useState<string | null>(null);

  function save() {
    const parsed = ZSpeaker.safeParse(draft);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Not a valid name.");
      return;
    }
    setError(null);
    if (parsed.data !== claim.speaker) onSave(parsed.data);
  }

  return (
    <div className="field">
      <label htmlFor={`${id}-speaker`}>Speaker</label>
      <input
        id={`${id}-speaker`}
        type="text"
        list={`${id}-speakers`}
        value={draft}
        placeholder="Who said it?"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-speaker-error` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            save();
          }
        }}
      />
      <datalist id={`${id}-speakers`}>
        {(speakersQuery.data ?? []).map((speaker) => (
          <option key={speaker} value={speaker} />
        ))}
      </datalist>
      {error && (
        <p className="field__error" id={`${id}-speaker-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
