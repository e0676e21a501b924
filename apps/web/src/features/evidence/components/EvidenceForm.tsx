import { EVIDENCE_STANCE_LABELS, EVIDENCE_STANCES, type EvidenceStance } from "@factmark/core";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import type { EvidenceFieldErrors, EvidenceFormValues } from "../evidenceFormValues";

export interface EvidenceFormProps {
  /** Names the form, e.g. "Add evidence" or "Edit evidence". */
  legend: string;
  initialValues: EvidenceFormValues;
  submitLabel: string;
  isPending: boolean;
  /** Errors by field, from the client's check or the server's answer. */
  errors: EvidenceFieldErrors;
  onSubmit: (values: EvidenceFormValues) => void;
  /**
   * Closes the form: Cancel with no values (what was typed is dropped), Esc with the values typed (the caller may
   * keep them as a draft); either way the form's opener takes focus back.
   */
  onCancel: (draft?: EvidenceFormValues) => void;
}

/** The fields of a piece of evidence, each with its error next to it; the parent validates and saves. */
export function EvidenceForm({
  legend,
  initialValues,
  submitLabel,
  isPending,
  errors,
  onSubmit,
  onCancel,
}: EvidenceFormProps) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initialValues);
  const [submitCount, setSubmitCount] = useState(0);
  const invalidFields = Object.keys(errors).join(",");

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>("input[type=url]")?.focus();
  }, []);

  // After a refused save, take the reviewer to the first field that needs fixing.
  useEffect(() => {
    if (submitCount > 0 && invalidFields) {
      formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
    }
  }, [submitCount, invalidFields]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setSubmitCount((count) => count + 1);
    onSubmit(values);
  }

  function change<Field extends keyof EvidenceFormValues>(field: Field, value: EvidenceFormValues[Field]) {
    setValues((current) => ({ ...current, [field]: value }));
  }

  /** The props that tie a field to its error message, if it has one. */
  function errorProps(field: keyof EvidenceFormValues) {
    return errors[field]
      ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field}-error` }
      : { "aria-invalid": undefined, "aria-describedby": undefined };
  }

  function fieldError(field: keyof EvidenceFormValues) {
    return (
      errors[field] && (
        <p id={`${id}-${field}-error`} className="fact-field__error">
          {errors[field]}
        </p>
      )
    );
  }

  // The browser's own checks are off: the core schema checks, and says why next to the field.
  return (
    <form
      ref={formRef}
      className="evidence-form"
      onSubmit={handleSubmit}
      noValidate
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        // Closing the form is this Escape's whole step back (not the desk's, which would unselect the claim).
        event.stopPropagation();
        event.preventDefault();
        onCancel(values);
      }}
    >
      <fieldset>
        <legend>{legend}</legend>
        <label className="fact-field">
          <span className="fact-field__label">URL</span>
          <input
            type="url"
            required
            value={values.url}
            placeholder="https://"
            onChange={(event) => change("url", event.target.value)}
            {...errorProps("url")}
          />
        </label>
        {fieldError("url")}
        <label className="fact-field">
          <span className="fact-field__label">Title (optional)</span>
          <input
            type="text"
            value={values.title}
            onChange={(event) => change("title", event.target.value)}
            {...errorProps("title")}
          />
        </label>
        {fieldError("title")}
        <label className="fact-field">
          <span className="fact-field__label">Excerpt (optional)</span>
          <textarea
            rows={3}
            value={values.excerpt}
            onChange={(event) => change("excerpt", event.target.value)}
            {...errorProps("excerpt")}
          />
        </label>
        {fieldError("excerpt")}
        <label className="fact-field">
          <span className="fact-field__label">Stance</span>
          <select
            value={values.stance}
            onChange={(event) => change("stance", event.target.value as EvidenceStance)}
            {...errorProps("stance")}
          >
            {EVIDENCE_STANCES.map((stance) => (
              <option key={stance} value={stance}>
                {EVIDENCE_STANCE_LABELS[stance]}
              </option>
            ))}
          </select>
        </label>
        {fieldError("stance")}
        {errors.form && (
          <p className="fact-form__error" role="alert">
            {errors.form}
          </p>
        )}
        <div className="fact-form__actions">
          <button type="submit" className="button button--primary" disabled={isPending}>
            {isPending ? "Saving…" : submitLabel}
          </button>
          <button type="button" className="button button--quiet" onClick={() => onCancel()}>
            Cancel
          </button>
        </div>
      </fieldset>
    </form>
  );
}
