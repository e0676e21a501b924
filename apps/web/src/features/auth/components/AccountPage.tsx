import { useEffect, useState } from "react";
import { useChangePasswordMutation } from "../hooks/useAuthMutations";
import { useCurrentUser } from "../hooks/useCurrentUser";
import { AuthField, AuthForm, fieldText, NewPasswordField } from "./AuthForm";

/** The signed-in person's own account: a new password, which signs out every other session of theirs. */
export function AccountPage() {
  const { user } = useCurrentUser();
  const change = useChangePasswordMutation();
  const [mismatch, setMismatch] = useState<Error | null>(null);
  // A new form (empty fields) after each change that went through.
  const [formKey, setFormKey] = useState(0);
  useEffect(() => {
    document.title = "Your account · Factmark";
  }, []);
  if (!user) return null;
  const revoked = change.data?.revokedSessions;
  return (
    <AuthForm
      key={formKey}
      title="Change your password"
      intro={
        <>
          <p>
            Signed in as {user.name} ({user.email}). A new password signs you out on every other device and browser;
            this one stays signed in.
          </p>
          {revoked !== undefined ? (
            <p className="auth-form__success" role="status">
              Password changed.{" "}
              {revoked === 0
                ? "No other session was open."
                : `${revoked} other ${revoked === 1 ? "session was" : "sessions were"} signed out.`}
            </p>
          ) : null}
        </>
      }
      submitLabel="Change password"
      isPending={change.isPending}
      error={mismatch ?? change.error}
      onSubmit={(form) => {
        const newPassword = fieldText(form, "newPassword");
        if (newPassword !== fieldText(form, "confirmation")) {
          setMismatch(new Error("The two new passwords are not the same. Type the new one twice."));
          return;
        }
        setMismatch(null);
        change.mutate(
          { currentPassword: fieldText(form, "currentPassword"), newPassword },
          { onSuccess: () => setFormKey((key) => key + 1) },
        );
      }}
    >
      <AuthField label="Current password" name="currentPassword" type="password" autoComplete="current-password" />
      <NewPasswordField label="New password" name="newPassword" />
      <AuthField label="New password, again" name="confirmation" type="password" autoComplete="new-password" />
    </AuthForm>
  );
}
