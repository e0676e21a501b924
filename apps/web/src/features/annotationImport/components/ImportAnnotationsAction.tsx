import { Link } from "wouter";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { importAnnotationsPath } from "../importAnnotationsPath";

/** The article header's "Import annotations…" link, for those who may mark claims (reviewers and up); none for others. */
export function ImportAnnotationsAction({ articleId }: { articleId: string }) {
  const { can } = useCurrentUser();
  if (!can("claim.create")) return null;
  return (
    <Link href={importAnnotationsPath(articleId)} className="button">
      Import annotations…
    </Link>
  );
}
