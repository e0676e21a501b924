import { useEffect } from "react";
import { useLocation } from "wouter";
import { errorMessage } from "../../../lib/ApiError";
import { useAcceptInviteMutation } from "../hooks/useAuthMutations";
import { useInviteQuery } from "../hooks/useUsers";
import { AuthField, AuthForm, fieldText, NewPasswordField } from "./AuthForm";

/** /invite/:token: whoever holds an admin's link makes their account with the role it offers. */
export function AcceptInvitePage({ token }: { token: string }) {
  const invite = useInviteQuery(token);
  const accept = useAcceptInviteMutation(token);
  const [, navigate] = useLocation();
  useEffect(() => {
    document.title = "Join Factmark";
  }, []);

  if (invite.isPending) return <p className="loading page-message">Loading the invite…</p>;
  if (invite.isError) {
    return (
      <div className="page-message" role="alert">
        <h1>This invite cannot be used</h1>
        <p>{errorMessage(invite.error)}</p>
        <p>Ask your admin for a new link.</p>
      </div>
    );
  }
  const { role, email } = invite.data;
  return (
    <AuthForm
      title="Join Factmark"
      intro={
        <p>
          You are invited as <strong>{role}</strong>
          {email ? (
            <>
              {" "}
              with <strong>{email}</strong>
            </>
          ) : null}
          . Choose your name as others will see it, and a password.
        </p>
      }
      submitLabel="Create my account"
      isPending={accept.isPending}
      error={accept.error}
      onSubmit={(form) =>
        accept.mutate(
          {
            name: fieldText(form, "name"),
            password: fieldText(form, "password"),
            ...(email ? {} : { email: fieldText(form, "email") }),
          },
          { onSuccess: () => navigate("/", { replace: true }) },
        )
      }
    >
      <AuthField label="Your name" name="name" autoComplete="name" />
      {email ? null : <AuthField label="Email" name="email" type="email" autoComplete="email" />}
      <NewPasswordField label="Password" name="password" />
    </AuthForm>
  );
}
