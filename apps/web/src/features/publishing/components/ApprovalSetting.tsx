import type { NewsroomSettings } from "@factmark/core";
import { type FormEvent, useId, useState } from "react";
import { LoadErrorMessage, LoadingMessage } from "../../../components/QueryStateMessage";
import {
  currentSettingsOf,
  useNewsroomSettingsQuery,
  useUpdateNewsroomSettingsMutation,
} from "../hooks/useNewsroomSettings";
import { publishingErrorMessage } from "../publishingErrorMessage";
import "../publishing.css";

type RequiredApprovals = NewsroomSettings["requiredApprovals"];

const APPROVAL_OPTIONS: { value: RequiredApprovals; label: string; help: string }[] = [
  { value: 1, label: "One editor", help: "An editor other than the one who set the verdict approves it." },
  {
    value: 2,
    label: "Two editors (two-person rule)",
    help: "Two different editors approve it, neither of them the one who set the verdict.",
  },
];

/**
 * Admins: how many editors must approve each claim before the article can be published, saved with If-Match.
 * When another admin changed it first (412), their setting is said and the admin's choice is kept to save again.
 */
export function ApprovalSetting() {
  const id = useId();
  const settingsQuery = useNewsroomSettingsQuery();
  const updateSettings = useUpdateNewsroomSettingsMutation();
  // The admin's choice, until saved; null: the stored setting.
  const [choice, setChoice] = useState<RequiredApprovals | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: "status" | "alert" } | null>(null);

  if (settingsQuery.isPending) return <LoadingMessage what="the newsroom's settings" />;
  if (settingsQuery.isError)
    return <LoadErrorMessage what="newsroom's settings" onRetry={() => settingsQuery.refetch()} />;
  const settings = settingsQuery.data;
  const selected = choice ?? settings.requiredApprovals;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (updateSettings.isPending) return;
    if (selected === settings.requiredApprovals) {
      setChoice(null);
      return;
    }
    setMessage(null);
    updateSettings.mutate(
      { settings, update: { requiredApprovals: selected } },
      {
        onSuccess: () => {
          setChoice(null);
          setMessage({ text: "Setting saved.", tone: "status" });
        },
        onError: (error) => {
          const current = currentSettingsOf(error);
          const theirs = current && APPROVAL_OPTIONS.find((option) => option.value === current.requiredApprovals);
          if (theirs?.value === selected) {
            setChoice(null);
            return setMessage({
              tone: "status",
              text: `Another admin set it to “${theirs.label}” meanwhile, as you chose.`,
            });
          }
          setMessage({
            tone: "alert",
            text: theirs
              ? `Another admin changed this setting meanwhile: it is now “${theirs.label}”. Your choice is still selected; save again to apply it.`
              : publishingErrorMessage(error, "The setting"),
          });
        },
      },
    );
  }

  return (
    <section className="approval-setting" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Review</h2>
      <form onSubmit={handleSubmit} aria-busy={updateSettings.isPending}>
        <fieldset className="approval-setting__options">
          <legend>Each claim needs approval by</legend>
          {APPROVAL_OPTIONS.map((option) => (
            <div key={option.value} className="approval-setting__option">
              <input
                id={`${id}-${option.value}`}
                type="radio"
                name="requiredApprovals"
                value={option.value}
                checked={selected === option.value}
                aria-describedby={`${id}-${option.value}-help`}
                onChange={() => {
                  setChoice(option.value);
                  setMessage(null);
                }}
              />
              <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
              <span className="field__help" id={`${id}-${option.value}-help`}>
                {option.help}
              </span>
            </div>
          ))}
        </fieldset>
        <div className="field__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={updateSettings.isPending || selected === settings.requiredApprovals}
          >
            {updateSettings.isPending ? "Saving…" : "Save setting"}
          </button>
        </div>
      </form>
      {message?.tone === "alert" ? (
        <p className="field__error" role="alert">
          {message.text}
        </p>
      ) : (
        <p className="field__help" role="status">
          {message?.text}
        </p>
      )}
    </section>
  );
}
