import type { Article } from "@factmark/core";
import { useId, useMemo, useRef } from "react";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { useSpeakersQuery } from "../../claims/hooks/useSpeakersQuery";
import { usePublicationsQuery } from "../hooks/usePublicationsQuery";
import { ArticleAppearanceFields, appearanceFieldId, isAppearanceMissing } from "./ArticleAppearanceFields";
import { ConclusionForm, type ConclusionFormHandle } from "./ConclusionForm";
import { PublicationHistory } from "./PublicationHistory";
import { PublicationStatus } from "./PublicationStatus";
import { type MissingField, PublishSection } from "./PublishSection";
import { RetractForm } from "./RetractForm";
import { SpeakerKindsField, speakerKindSelectId } from "./SpeakerKindsField";
import "../publishing.css";

export interface PublishingPanelProps {
  article: Article;
  /** Selects a claim in the sidebar and shows it in the text (a blocker's button). */
  onSelectClaim: (claimId: string) => void;
}

function focusById(id: string) {
  document.getElementById(id)?.focus();
}

/**
 * "Conclusion & publishing": where the fact-check stands and its public page, the conclusion, the speakers'
 * kinds, what the public page needs to cite the article, the Publish button and its blockers, the versions, and
 * (admins) the retraction. Editors change it; everyone else reads it.
 */
export function PublishingPanel({ article, onSelectClaim }: PublishingPanelProps) {
  const id = useId();
  const { can } = useCurrentUser();
  const conclusionRef = useRef<ConclusionFormHandle>(null);
  const publications = usePublicationsQuery(article);
  const speakers = useSpeakersQuery(article.id).data;
  const { latestVersion, retractedAt } = article.publication;
  const canConclude = can("article.conclude");
  const canPublish = can("article.publish");

  // What the article lacks for its public page, read from the article itself.
  const missingFields = useMemo(() => {
    const fields: MissingField[] = [];
    if (!article.conclusion) fields.push({ label: "Conclusion", onGo: () => conclusionRef.current?.edit() });
    if (!article.sourceUrl)
      fields.push({ label: "Source URL", onGo: () => focusById(appearanceFieldId(id, "sourceUrl")) });
    if (!article.publishedAt)
      fields.push({ label: "Publication date", onGo: () => focusById(appearanceFieldId(id, "publishedAt")) });
    const unsetSpeaker = speakers?.findIndex((name) => !article.speakerKinds[name]) ?? -1;
    if (unsetSpeaker >= 0)
      fields.push({ label: "Speakers' kinds", onGo: () => focusById(speakerKindSelectId(id, unsetSpeaker)) });
    return fields;
  }, [article, speakers, id]);

  return (
    <div className="publishing-panel">
      <h2 className="visually-hidden">Conclusion and publishing</h2>
      <PublicationStatus article={article} latest={publications.data?.[0]} />
      <ConclusionForm ref={conclusionRef} article={article} canEdit={canConclude} />
      <SpeakerKindsField article={article} canEdit={canConclude} idPrefix={id} />
      {can("article.edit") && isAppearanceMissing(article) && (
        <ArticleAppearanceFields article={article} idPrefix={id} />
      )}
      {canPublish && retractedAt && !can("article.retract") ? (
        <p className="field__help">An admin retracted this fact-check: only an admin may publish it again.</p>
      ) : (
        canPublish && <PublishSection article={article} missingFields={missingFields} onSelectClaim={onSelectClaim} />
      )}
      <PublicationHistory article={article} />
      {can("article.retract") && latestVersion > 0 && !retractedAt && <RetractForm article={article} />}
    </div>
  );
}
