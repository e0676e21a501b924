import type { AnnotationImportItem, AnnotationImportResult } from "@factmark/core";
import { forwardRef } from "react";
import { Link } from "wouter";
import { claimAddress } from "../../workflow/claimAddress";

const OUTCOMES = [
  "anchored",
  "orphaned",
  "linked",
  "skipped",
] as const satisfies readonly AnnotationImportItem["outcome"][];

const OUTCOME_LABELS: Record<AnnotationImportItem["outcome"], string> = {
  anchored: "Anchored",
  orphaned: "Orphaned",
  linked: "Linked",
  skipped: "Skipped",
};

/** What each outcome means to the reviewer, said once under the counts. */
const OUTCOME_HINTS: Record<AnnotationImportItem["outcome"], string> = {
  anchored: "a claim was marked on the passage",
  orphaned: "its passage is not in the article; kept as an orphaned claim to attach by hand",
  linked: "a link between two claims was added",
  skipped: "nothing was stored",
};

/** "1 annotation", "3 annotations". */
function annotations(count: number): string {
  return `${count} annotation${count === 1 ? "" : "s"}`;
}

/** How an item is named in the list: its own id when it has one, else where it sits in the document. */
function itemName(item: AnnotationImportItem): string {
  if (item.annotationId) return item.annotationId;
  return item.path === "" ? "The annotation" : `Item ${item.path}`;
}

export interface AnnotationImportResultViewProps {
  result: AnnotationImportResult;
}

/**
 * What an import did: the count per outcome, then every item in the document's order with its outcome and the
 * server's reason, each claim it made linked to its place in the article. The heading takes the focus when it
 * appears, so a keyboard or screen reader user lands on the answer.
 */
export const AnnotationImportResultView = forwardRef<HTMLHeadingElement, AnnotationImportResultViewProps>(
  function AnnotationImportResultView({ result }, headingRef) {
    const total = result.items.length;
    const stored = result.anchored + result.orphaned + result.linked;
    return (
      <section className="annotation-import-result" aria-labelledby="annotation-import-result-heading">
        <h2 id="annotation-import-result-heading" ref={headingRef} tabIndex={-1}>
          {stored === 0 ? `Nothing imported from ${annotations(total)}` : `Imported from ${annotations(total)}`}
        </h2>
        <ul className="annotation-import-result__counts" aria-label="Outcomes">
          {OUTCOMES.map((outcome) => (
            <li key={outcome} className={`outcome-count outcome-count--${outcome}`}>
              <span className="outcome-count__number">{result[outcome]}</span> {OUTCOME_LABELS[outcome].toLowerCase()}
              <span className="outcome-count__hint">: {OUTCOME_HINTS[outcome]}</span>
            </li>
          ))}
        </ul>
        {total > 0 && (
          <ol className="annotation-import-result__items" aria-label="Items, in the document's order">
            {result.items.map((item) => (
              <li
                // Each item has its own place in the document.
                key={item.path}
                className={`import-item import-item--${item.outcome}`}
                data-outcome={item.outcome}
              >
                <div className="import-item__header">
                  <span className={`outcome-badge outcome-badge--${item.outcome}`}>{OUTCOME_LABELS[item.outcome]}</span>{" "}
                  <span className="import-item__name">{itemName(item)}</span>
                </div>
                <p className="import-item__reason">{item.reason}</p>
                {item.claimId && (
                  <Link href={claimAddress(result.articleId, item.claimId)} className="import-item__open">
                    Open the claim<span className="visually-hidden"> of {itemName(item)}</span>
                  </Link>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    );
  },
);
