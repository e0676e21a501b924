import { ACTION_MINIMUM_ROLE, type Action, ROLE_LABELS, type Role } from "@factmark/core";
import type { ReactNode } from "react";
import { useCurrentUser } from "../hooks/useCurrentUser";
import "../auth.css";

export interface AccessNoticeProps {
  /** The page's heading, as it reads for those who may use it. */
  title: string;
  /** What the page does, as the rest of a sentence: "Adding an article". */
  what: string;
  /** The action the page is for: whoever may not take it sees this notice instead of the page. */
  action: Action;
}

/**
 * What a viewer reads where they cannot act, naming the role that would let them: "Read only — ask an admin for
 * editor access" (no full stop; callers add one in a sentence). The one wording of it, for every page.
 */
export function readOnlyNotice(neededRole: Role): string {
  return `Read only — ask an admin for ${ROLE_LABELS[neededRole].toLowerCase()} access`;
}

/**
 * What a page says, instead of its form, to a role that cannot use it: a viewer reads the read-only notice naming the
 * role this page needs; anyone else, which role that is. Said before anything is filled in, never on submit.
 */
export function AccessNotice({ title, what, action }: AccessNoticeProps) {
  const { user } = useCurrentUser();
  const neededRole = ACTION_MINIMUM_ROLE[action];
  const needed = ROLE_LABELS[neededRole].toLowerCase();
  return (
    <section className="page-message access-notice" aria-labelledby="access-notice-heading">
      <h1 id="access-notice-heading">{title}</h1>
      <p className="access-notice__lead" role="status">
        {user?.role === "viewer" ? `${readOnlyNotice(neededRole)}.` : `Ask an admin for ${needed} access.`}
      </p>
      <p>
        {what} needs {needed} access
        {user ? `; your account is ${withArticle(ROLE_LABELS[user.role].toLowerCase())}.` : "."}
      </p>
    </section>
  );
}

/** The page in `children` for whoever may take `action`; for anyone else, an AccessNotice in its place. */
export function RequireAction({ children, ...notice }: AccessNoticeProps & { children: ReactNode }) {
  const { can } = useCurrentUser();
  return can(notice.action) ? children : <AccessNotice {...notice} />;
}

/** A noun with its indefinite article: "an editor", "an admin", "a viewer". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
}
