import { useEffect } from "react";
import { useLoginMutation } from "../hooks/useAuthMutations";
import { AuthField, AuthForm, fieldText } from "./AuthForm";

export function LoginPage() {
  const login = useLoginMutation();
  useEffect(() => {
    document.title = "Sign in · Factmark";
  }, []);
  return (
    <AuthForm
      title="Sign in to Factmark"
      intro={<p>New here? Ask your admin for an invite link.</p>}
      submitLabel="Sign in"
      isPending={login.isPending}
      error={login.error}
      onSubmit={(form) => login.mutate({ email: fieldText(form, "email"), password: fieldText(form, "password") })}
    >
      <AuthField label="Email" name="email" type="email" autoComplete="username" />
      <AuthField label="Password" name="password" type="password" autoComplete="current-password" />
    </AuthForm>
  );
}
