import { CONCLUSION_RATING_LABELS, type Conclusion } from "@factmark/core";
import { RationaleView } from "../../../components/RationaleView";
import "../publishing.css";

/** An article's conclusion as a reader sees it: the overall rating, then the summary with its light formatting. */
export function ConclusionView({ conclusion }: { conclusion: Conclusion }) {
  return (
    <div className="conclusion">
      <p className="conclusion__rating">
        Overall rating:{" "}
        <strong className={`conclusion-rating conclusion-rating--${conclusion.rating}`}>
          {CONCLUSION_RATING_LABELS[conclusion.rating]}
        </strong>
      </p>
      <RationaleView text={conclusion.summary} />
    </div>
  );
}
