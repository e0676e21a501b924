import { useEffect } from "react";
import { useSetupMutation } from "../hooks/useAuthMutations";
import { AuthField, AuthForm, fieldText, NewPasswordField } from "./AuthForm";

/** First run: no account exists yet, so whoever installed Factmark makes the first admin. */
export function SetupPage() {
  const setup = useSetupMutation();
  useEffect(() => {
    document.title = "Create the first admin account · Factmark";
  }, []);
  return (
    <AuthForm
      title="Create the first admin account"
      intro={
        <p>
          Nobody has an account yet. The admin invites reviewers and sets their roles; the sample article and anything
          already marked will be theirs.
        </p>
      }
      submitLabel="Create admin account"
      isPending={setup.isPending}
      error={setup.error}
      onSubmit={(form) =>
        setup.mutate({
          name: fieldText(form, "name"),
          email: fieldText(form, "email"),
          password: fieldText(form, "password"),
        })
      }
    >
      <AuthField label="Your name" name="name" autoComplete="name" />
      <AuthField label="Email" name="email" type="email" autoComplete="email" />
      <NewPasswordField label="Password" name="password" />
    </AuthForm>
  );
}
