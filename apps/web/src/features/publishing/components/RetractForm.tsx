import { type Article, ZPublicationRetract } from "@factmark/core";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useRetractMutation } from "../hooks/useRetractMutation";
import { publishingErrorMessage } from "../publishingErrorMessage";

type RetractStep = "closed" | "note" | "confirm";

/**
 * Admins: retract the published fact-check. A note is required (the public page shows it instead of the
 * fact-check), then a confirm step says what will happen before anything is sent.
 */
export function RetractForm({ article }: { article: Article }) {
  const id = useId();
  const retract = useRetractMutation();
  const [step, setStep] = useState<RetractStep>("closed");
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (step === "note") noteRef.current?.focus();
    if (step === "confirm") confirmRef.current?.focus();
  }, [step]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZPublicationRetract.safeParse({ note });
    if (!parsed.success) {
      setNoteError(parsed.error.issues[0]?.message ?? "Say why the fact-check is retracted.");
      noteRef.current?.focus();
      return;
    }
    setNoteError(null);
    setStep("confirm");
  }

  function handleConfirm() {
    const parsed = ZPublicationRetract.safeParse({ note });
    if (!parsed.success) return setStep("note");
    retract.mutate(
      { articleId: article.id, note: parsed.data.note },
      {
        onSuccess: () => {
          setNote("");
          setStep("closed");
        },
        onError: () => setStep("note"),
      },
    );
  }

  function close() {
    setStep("closed");
    setNoteError(null);
    queueMicrotask(() => openRef.current?.focus());
  }

  if (step === "closed") {
    return (
      <section className="publishing-section publishing-section--danger" aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`}>Retract</h3>
        <p className="field__help">The public page then says the fact-check was retracted, with your note.</p>
        <div className="field__actions">
          <button ref={openRef} type="button" className="button" onClick={() => setStep("note")}>
            Retract…
          </button>
        </div>
        {retract.isSuccess && (
          <p className="visually-hidden" role="status">
            Retracted.
          </p>
        )}
      </section>
    );
  }
  return (
    <section className="publishing-section publishing-section--danger" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Retract</h3>
      <form className="publishing-form" aria-label="Retract the fact-check" noValidate onSubmit={handleSubmit}>
        <div className="field">
          <label htmlFor={`${id}-note`}>Why is it retracted? (required)</label>
          <textarea
            ref={noteRef}
            id={`${id}-note`}
            rows={3}
            required
            value={note}
            readOnly={step === "confirm"}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={`${id}-note-help${noteError ? ` ${id}-note-error` : ""}`}
            onChange={(event) => {
              setNote(event.target.value);
              setNoteError(null);
            }}
          />
          <p className="field__help" id={`${id}-note-help`}>
            Shown on the public page in place of the fact-check.
          </p>
          {noteError && (
            <p className="field__error" id={`${id}-note-error`}>
              {noteError}
            </p>
          )}
        </div>
        {retract.error && (
          <p className="field__error" role="alert">
            {publishingErrorMessage(retract.error, "The retraction")}
          </p>
        )}
        {step === "note" ? (
          <div className="field__actions">
            <button type="submit" className="button button--primary">
              Retract…
            </button>
            <button type="button" className="button button--quiet" onClick={close}>
              Cancel
            </button>
          </div>
        ) : (
          <div className="retract-confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
            <p id={`${id}-confirm`}>
              Retract this fact-check? Its public page will say it was retracted, with your note, instead of showing it.
            </p>
            <div className="field__actions">
              <button
                ref={confirmRef}
                type="button"
                className="button button--danger"
                disabled={retract.isPending}
                onClick={handleConfirm}
              >
                {retract.isPending ? "Retracting…" : "Yes, retract it"}
              </button>
              <button type="button" className="button button--quiet" onClick={() => setStep("note")}>
                No, go back
              </button>
            </div>
          </div>
        )}
      </form>
    </section>
  );
}
