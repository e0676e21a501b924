import { ACTION_MINIMUM_ROLE, type Action, ROLE_LABELS } from "@factmark/core";
import type { ReactNode } from "react";
import { READ_ONLY_NOTICE } from "../../claims/components/VerdictToolbar";
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
 * What a page says, instead of its form, to a role that cannot use it: a viewer reads the app's read-only notice;
 * anyone else, which role the page needs. Said before anything is filled in, never on submit.
 */
export function AccessNotice({ title, what, action }: AccessNoticeProps) {
  const { user } = useCurrentUser();
  const needed = ROLE_LABELS[ACTION_MINIMUM_ROLE[action]].toLowerCase();
  return (
    <section className="page-message access-notice" aria-labelledby="access-notice-heading">
      <h1 id="access-notice-heading">{title}</h1>
      <p className="access-notice__lead" role="status">
        {user?.role === "viewer" ? `${READ_ONLY_NOTICE}.` : `Ask an admin for ${needed} access.`}
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

/** "an editor", "a viewer". */
function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
}
