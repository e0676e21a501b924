import { Link, useRoute } from "wouter";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import "../workflow.css";

/** The header's link to "My work", for whoever may work on claims (viewers are never assigned any). */
export function MyWorkLink() {
  const { user, can } = useCurrentUser();
  const [isCurrent] = useRoute("/work");
  if (!user || !can("claim.status")) return null;
  return (
    <nav aria-label="Main">
      <Link href="/work" className="app-nav-link" aria-current={isCurrent ? "page" : undefined}>
        My work
      </Link>
    </nav>
  );
}
