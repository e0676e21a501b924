import type { Claim, EvidenceStance, Precedent } from "@factmark/core";
import { useId, useState } from "react";
import { InlineNotice } from "../../../components/InlineNotice";
import { errorMessage } from "../../../lib/ApiError";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { useCreateEvidenceMutation } from "../../evidence/hooks/useCreateEvidenceMutation";
import { useEvidenceQuery } from "../../evidence/hooks/useEvidenceQuery";
import { usePrecedentsQuery } from "../hooks/usePrecedentsQuery";
import { precedentEvidence, precedentUrl } from "../precedentEvidence";
import { PrecedentItem } from "./PrecedentItem";
import "../precedents.css";

/**
 * "Checked before": up to five claims of other articles that say much the same as `claim`, each with its verdict,
 * speaker, article, date, whether it is published and why it matched; one click opens it. Reviewers and up use one
 * as evidence (asked for its stance); one already used says so. Quiet while it loads: the desk never waits on it.
 */
export function CheckedBefore({ claim }: { claim: Claim }) {
  const headingId = useId();
  const precedentsQuery = usePrecedentsQuery(claim);
  const evidenceQuery = useEvidenceQuery(claim);
  const createEvidence = useCreateEvidenceMutation(claim);
  const { can } = useCurrentUser();
  const [notice, setNotice] = useState<{ message: string; tone: "info" | "error" } | null>(null);
  const origin = window.location.origin;
  const usedUrls = new Set(evidenceQuery.data?.map((evidence) => evidence.url));

  function handleUse(precedent: Precedent, stance: EvidenceStance) {
    setNotice(null);
    createEvidence.mutate(precedentEvidence(precedent, stance, origin), {
      onSuccess: () => setNotice({ message: "Added as evidence.", tone: "info" }),
      onError: (error) => setNotice({ message: `Could not add it as evidence: ${errorMessage(error)}`, tone: "error" }),
    });
  }

  let body: React.ReactNode;
  if (precedentsQuery.isPending) {
    // Quiet: a line in the section's own colours, no spinner, nothing that moves the details below much.
    body = <p className="loading precedents__quiet">Looking for earlier checks…</p>;
  } else if (precedentsQuery.isError) {
    body = (
      <p className="precedents__quiet">
        Earlier checks could not be loaded.{" "}
        <button type="button" className="button button--quiet button--small" onClick={() => precedentsQuery.refetch()}>
          Try again
        </button>
      </p>
    );
  } else if (precedentsQuery.data.length === 0) {
    body = <p className="empty-state">Nothing like this was checked before.</p>;
  } else {
    body = (
      <ol className="precedents__list">
        {precedentsQuery.data.map((precedent) => (
          <PrecedentItem
            key={precedent.claim.id}
            precedent={precedent}
            isUsed={usedUrls.has(precedentUrl(precedent, origin))}
            canUse={can("evidence.create")}
            isUsing={createEvidence.isPending}
            onUse={(stance) => handleUse(precedent, stance)}
          />
        ))}
      </ol>
    );
  }

  return (
    <section className="precedents" aria-labelledby={headingId}>
      <h3 id={headingId} className="field__label">
        Checked before
      </h3>
      {body}
      {notice && <InlineNotice message={notice.message} tone={notice.tone} onDismiss={() => setNotice(null)} />}
    </section>
  );
}
