import { Link, useRoute } from "wouter";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import "../workflow.css";

/** The header's link to "My work", for whoever is signed in. */
export function MyWorkLink() {
  const { user } = useCurrentUser();
  const [isCurrent] = useRoute("/work");
  if (!user) return null;
  return (
    <nav aria-label="Main">
      <Link href="/work" className="app-nav-link" aria-current={isCurrent ? "page" : undefined}>
        My work
      </Link>
    </nav>
  );
}
