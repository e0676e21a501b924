import { type InviteCreated, ROLES, type Role, type User } from "@factmark/core";
import { type FormEvent, useEffect, useState } from "react";
import { errorMessage } from "../../../lib/ApiError";
import { ApprovalSetting } from "../../publishing/components/ApprovalSetting";
import { AccountActivation } from "../../users/components/AccountActivation";
import { PendingInvites } from "../../users/components/PendingInvites";
import { useCurrentUser } from "../hooks/useCurrentUser";
import { useCreateInviteMutation, useUpdateUserMutation, useUsersQuery } from "../hooks/useUsers";
import { AccessNotice, withArticle } from "./AccessNotice";
import "../auth.css";

/**
 * Admin > Users: every account with its role, deactivated or not; invite links for new ones and the pending
 * ones; the newsroom's approval rule.
 */
export function UsersPage() {
  const { can } = useCurrentUser();
  useEffect(() => {
    document.title = "Users · Factmark";
  }, []);
  if (!can("user.list")) return <AccessNotice title="Users" what="Seeing and changing accounts" action="user.list" />;
  return (
    <section className="users-page" aria-labelledby="users-heading">
      <h1 id="users-heading">Users</h1>
      <UserTable />
      <InviteForm />
      <PendingInvites />
      {can("settings.edit") && <ApprovalSetting />}
    </section>
  );
}

function UserTable() {
  const { user: signedIn } = useCurrentUser();
  const users = useUsersQuery();
  const updateUser = useUpdateUserMutation();
  if (users.isPending) return <p className="loading">Loading users…</p>;
  if (users.isError) return <p role="alert">Could not load the users: {errorMessage(users.error)}</p>;
  return (
    <>
      {updateUser.error ? (
        <p className="auth-form__error" role="alert">
          {errorMessage(updateUser.error)}
        </p>
      ) : null}
      <table className="users-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Access</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.data.map((user: User) => (
            <tr key={user.id} data-deactivated={user.deactivatedAt !== null}>
              <td>{user.name}</td>
              <td>{user.email ?? "—"}</td>
              <td>
                <select
                  aria-label={`Role of ${user.name}`}
                  value={user.role}
                  disabled={updateUser.isPending}
                  onChange={(event) => updateUser.mutate({ user, update: { role: event.target.value as Role } })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {user.deactivatedAt === null ? (
                  "Active"
                ) : (
                  <span className="user-state--deactivated">
                    Deactivated{" "}
                    <time dateTime={user.deactivatedAt}>{new Date(user.deactivatedAt).toLocaleDateString()}</time>
                  </span>
                )}
              </td>
              <td>
                <AccountActivation user={user} isSelf={user.id === signedIn?.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function InviteForm() {
  const createInvite = useCreateInviteMutation();
  const [invite, setInvite] = useState<InviteCreated | null>(null);
  const [isCopied, setIsCopied] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    setIsCopied(false);
    createInvite.mutate(
      { role: String(form.get("role")) as Role, ...(email ? { email } : {}) },
      { onSuccess: setInvite },
    );
  }

  async function handleCopy() {
    if (!invite) return;
    await navigator.clipboard.writeText(invite.url);
    setIsCopied(true);
  }

  return (
    <section className="invite" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <form className="invite__form" onSubmit={handleSubmit}>
        <div className="invite__field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="reviewer">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </div>
        <div className="invite__field">
          <label htmlFor="invite-email">Email (optional)</label>
          <input id="invite-email" name="email" type="email" autoComplete="off" />
        </div>
        <button type="submit" className="button button--primary" disabled={createInvite.isPending}>
          Create invite link
        </button>
      </form>
      {createInvite.error ? (
        <p className="auth-form__error" role="alert">
          {errorMessage(createInvite.error)}
        </p>
      ) : null}
      {invite ? (
        <div className="invite__link">
          <label>
            <span>
              Invite link for {withArticle(invite.role)}
              {invite.email ? ` (${invite.email})` : ""}, single use, until{" "}
              {new Date(invite.expiresAt).toLocaleString()}
            </span>
            <input readOnly value={invite.url} onFocus={(event) => event.currentTarget.select()} />
          </label>
          <button type="button" className="button" onClick={handleCopy}>
            {isCopied ? "Copied" : "Copy link"}
          </button>
        </div>
      ) : null}
    </section>
  );
}
