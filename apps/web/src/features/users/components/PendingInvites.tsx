import type { PendingInvite } from "@factmark/core";
import { errorMessage } from "../../../lib/ApiError";
import "../users.css";
import { usePendingInvitesQuery, useRevokeInviteMutation } from "../hooks/usePendingInvites";

/** Admin > Users: the invites nobody has redeemed yet, each with Revoke (its link then stops working). */
export function PendingInvites() {
  const invites = usePendingInvitesQuery();
  const revoke = useRevokeInviteMutation();
  return (
    <section className="pending-invites" aria-labelledby="pending-invites-heading">
      <h2 id="pending-invites-heading">Pending invites</h2>
      {revoke.error ? (
        <p className="auth-form__error" role="alert">
          Could not revoke the invite: {errorMessage(revoke.error)}
        </p>
      ) : null}
      {invites.isPending ? (
        <p className="loading">Loading invites…</p>
      ) : invites.isError ? (
        <p role="alert">Could not load the invites: {errorMessage(invites.error)}</p>
      ) : invites.data.length === 0 ? (
        <p>No pending invites.</p>
      ) : (
        <table className="users-table">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">For</th>
              <th scope="col">Expires</th>
              <th scope="col">Invited by</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invites.data.map((invite: PendingInvite) => {
              const label = `${invite.role} invite${invite.email ? ` for ${invite.email}` : ""}`;
              return (
                <tr key={invite.id}>
                  <td>{invite.role}</td>
                  <td>{invite.email ?? "Anyone with the link"}</td>
                  <td>
                    <time dateTime={invite.expiresAt}>{new Date(invite.expiresAt).toLocaleString()}</time>
                  </td>
                  <td>{invite.createdBy.name}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Revoke the ${label}`}
                      disabled={revoke.isPending && revoke.variables?.id === invite.id}
                      onClick={() => revoke.mutate(invite)}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
