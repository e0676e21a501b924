import type { User } from "@factmark/core";
import { useEffect, useId, useRef, useState } from "react";
import { errorMessage } from "../../../lib/ApiError";
import "../users.css";
import { useAccountActivationMutation } from "../hooks/useAccountActivation";

/**
 * One account's Deactivate / Reactivate control on the Users page. Deactivating asks first, in place, what it
 * will do (signed out everywhere, no sign-in until reactivated, history kept); Escape or Cancel backs out and
 * gives focus back to the button. Reactivating needs no confirmation: it only gives access back.
 */
export function AccountActivation({ user, isSelf }: { user: User; isSelf: boolean }) {
  const id = useId();
  const activation = useAccountActivationMutation();
  const [isConfirming, setIsConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const isDeactivated = user.deactivatedAt !== null;

  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);

  function handleConfirm() {
    activation.mutate({ user, isActivating: false }, { onSettled: () => setIsConfirming(false) });
  }

  const error = activation.error ? (
    <p className="auth-form__error" role="alert">
      {errorMessage(activation.error)}
    </p>
  ) : null;

  if (isDeactivated) {
    return (
      <div className="account-activation">
        <button
          type="button"
          className="button"
          disabled={activation.isPending}
          onClick={() => activation.mutate({ user, isActivating: true })}
        >
          Reactivate <span className="visually-hidden">{user.name}</span>
        </button>
        {error}
      </div>
    );
  }
  if (isSelf) return null;
  if (!isConfirming) {
    return (
      <div className="account-activation">
        <button
          ref={openRef}
          type="button"
          className="button"
          onClick={() => {
            activation.reset();
            setIsConfirming(true);
          }}
        >
          Deactivate <span className="visually-hidden">{user.name}</span>
        </button>
        {error}
      </div>
    );
  }
  return (
    <fieldset
      className="account-activation account-activation--confirm"
      aria-labelledby={`${id}-question`}
      onKeyDown={(event) => {
        if (event.key === "Escape") setIsConfirming(false);
      }}
    >
      <p id={`${id}-question`}>
        Deactivate {user.name}? They are signed out everywhere at once and cannot sign in until an admin reactivates
        them. Their work keeps their name.
      </p>
      <button
        ref={confirmRef}
        type="button"
        className="button button--danger"
        disabled={activation.isPending}
        onClick={handleConfirm}
      >
        Yes, deactivate
      </button>
      <button type="button" className="button" onClick={() => setIsConfirming(false)}>
        Cancel
      </button>
    </fieldset>
  );
}
