import { ROLE_LABELS } from "@factmark/core";
import { Link } from "wouter";
import { useLogoutMutation } from "../hooks/useAuthMutations";
import { useCurrentUser } from "../hooks/useCurrentUser";
import "../auth.css";

/** The header's account corner: who is signed in (a link to their account), their role, the admin's Users page, and Sign out. */
export function AccountMenu() {
  const { user, can } = useCurrentUser();
  const logout = useLogoutMutation();
  if (!user) return null;
  return (
    <nav className="account-menu" aria-label="Account">
      {can("user.list") ? (
        <Link href="/admin/users" className="account-menu__link">
          Users
        </Link>
      ) : null}
      <span className="account-menu__who">
        <Link href="/account" className="account-menu__link account-menu__name" title="Your account and password">
          {user.name}
        </Link>{" "}
        <span className="account-menu__role">{ROLE_LABELS[user.role]}</span>
      </span>
      <button
        type="button"
        className="button button--inverse"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
      >
        Sign out
      </button>
    </nav>
  );
}
