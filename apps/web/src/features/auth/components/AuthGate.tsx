import type { ReactNode } from "react";
import { ServerFirstScreenRemoved } from "../../../app/serverFirstScreen";
import { errorMessage } from "../../../lib/ApiError";
import { useAuthStateQuery } from "../hooks/useCurrentUser";
import { LoginPage } from "./LoginPage";
import { SetupPage } from "./SetupPage";

/** Shows its children to a signed-in user; else the first-run setup (no account yet) or the sign-in page. */
export function AuthGate({ children }: { children: ReactNode }) {
  const authState = useAuthStateQuery();
  if (authState.isPending) return <p className="loading page-message">Loading…</p>;
  if (authState.isError) {
    return (
      <div className="page-message" role="alert">
        <ServerFirstScreenRemoved />
        <p>Could not reach Factmark: {errorMessage(authState.error)}</p>
        <button type="button" className="button" onClick={() => authState.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (authState.data.user) return children;
  return (
    <>
      {/* Signed out meanwhile (the server drew the article's first screen for the session it had). */}
      <ServerFirstScreenRemoved />
      {authState.data.isSetupRequired ? <SetupPage /> : <LoginPage />}
    </>
  );
}
