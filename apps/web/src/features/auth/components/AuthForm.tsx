import { PASSWORD_MIN_LENGTH } from "@factmark/core";
import { type FormEvent, type ReactNode, useId } from "react";
import { errorMessage } from "../../../lib/ApiError";
import "../auth.css";

export interface AuthFormProps {
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (form: FormData) => void;
  children: ReactNode;
}

/** The frame every sign-in, setup and invite form shares: a heading, fields, one button, the server's error. */
export function AuthForm({ title, intro, submitLabel, isPending, error, onSubmit, children }: AuthFormProps) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(new FormData(event.currentTarget));
  }
  return (
    <section className="auth-page" aria-labelledby="auth-heading">
      <h1 id="auth-heading">{title}</h1>
      {intro}
      <form className="auth-form" onSubmit={handleSubmit}>
        {children}
        {error ? (
          <p className="auth-form__error" role="alert">
            {errorMessage(error)}
          </p>
        ) : null}
        <button type="submit" className="button button--primary auth-form__submit" disabled={isPending}>
          {isPending ? "Please wait…" : submitLabel}
        </button>
      </form>
    </section>
  );
}

export interface AuthFieldProps {
  label: string;
  name: string;
  type?: "text" | "email" | "password";
  autoComplete: string;
  isRequired?: boolean;
  minLength?: number;
  hint?: string;
}

export function AuthField({
  label,
  name,
  type = "text",
  autoComplete,
  isRequired = true,
  minLength,
  hint,
}: AuthFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  // The hint sits outside the label, so a field's name is its label alone and the hint its description.
  return (
    <div className="auth-form__field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={isRequired}
        minLength={minLength}
        aria-describedby={hintId}
      />
      {hint ? (
        <span id={hintId} className="auth-form__hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** A field for a password being chosen, with the length the server asks for. */
export function NewPasswordField({ label, name }: { label: string; name: string }) {
  return (
    <AuthField
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      minLength={PASSWORD_MIN_LENGTH}
      hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
    />
  );
}

/** A form field's text, or "" when absent. */
export function fieldText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
