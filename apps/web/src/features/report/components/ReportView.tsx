import {
  type ArticleSegment,
  buildArticleSegments,
  buildVerdictChartSvg,
  claimLabel,
  describeVerdictOverlap,
  factCheckByline,
  isClaimCountShown,
  orphanedClaimsLine,
  type ReportClaim,
  type ReportModel,
  reportGeneratedLine,
  speakerLine,
  summariseVerdictCounts,
  VERDICT_LABELS,
  VERDICTS,
} from "@factmark/core";
import { type ReactNode, useMemo, useState } from "react";
import { RationaleView } from "../../../components/RationaleView";
import { ConclusionView } from "../../publishing/components/ConclusionView";
import "../report.css";

function formatDate(value: string | null): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString(undefined, { dateStyle: "long" });
}

export interface ReportViewProps {
  model: ReportModel;
  /** Whether each claim shows its working history (the desk asked for it); readers outside the desk never see it. */
  isHistoryShown?: boolean;
}

/**
 * The fact-check report as a reader sees it, rendered from the same model every export is built from: the
 * conclusion first, then the summary, the contradictions, the claims and the article.
 */
export function ReportView({ model, isHistoryShown = false }: ReportViewProps) {
  const { header, counts, contradictions, claims } = model;
  const [isArticleShown, setIsArticleShown] = useState(false);
  const chartUrl = useMemo(
    () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(buildVerdictChartSvg(counts, "report-chart"))}`,
    [counts],
  );
  const chartDescription = VERDICTS.map((verdict) => `${VERDICT_LABELS[verdict]}: ${counts[verdict]}`).join(", ");
  const details = [header.outlet, header.author && `by ${header.author}`, formatDate(header.publishedAt)].filter(
    Boolean,
  );

  return (
    <div className="report">
      <header className="report__header">
        <p className="report__kicker">{factCheckByline(header.organisation.name)}</p>
        <h1>{header.title}</h1>
        {details.length > 0 && <p className="article-meta">{details.join(" · ")}</p>}
        {header.sourceUrl && (
          <p className="article-meta">
            <a href={header.sourceUrl} target="_blank" rel="noopener noreferrer">
              {header.sourceUrl}
            </a>
          </p>
        )}
        <p className="article-meta">
          Reviewed by {header.reviewers.length > 0 ? header.reviewers.join(", ") : "no one yet"} ·{" "}
          {reportGeneratedLine(header.generatedAt)}
        </p>
      </header>

      {model.article.conclusion && (
        <section className="report__section report__conclusion" aria-labelledby="report-conclusion">
          <h2 id="report-conclusion">Conclusion</h2>
          <ConclusionView conclusion={model.article.conclusion} />
        </section>
      )}

      <section className="report__section" aria-labelledby="report-summary">
        <h2 id="report-summary">Summary</h2>
        <p>
          {summariseVerdictCounts(counts)}
          {model.orphanCount > 0 && ` ${orphanedClaimsLine(model.orphanCount)}`}
        </p>
        <img className="report__chart" src={chartUrl} alt={`Claims per verdict: ${chartDescription}`} />
      </section>

      <section className="report__section" aria-labelledby="report-contradictions">
        <h2 id="report-contradictions">Contradictions</h2>
        {contradictions.length === 0 ? (
          <p className="empty-state">No claims are linked as contradicting each other.</p>
        ) : (
          <ul className="contradiction-pairs">
            {contradictions.map((pair) => (
              <li key={pair.linkId} className="contradiction-pair">
                {[pair.left, pair.right].map((side) => (
                  <blockquote key={side.claimId} className={`contradiction-side contradiction-side--${side.verdict}`}>
                    <p>
                      <a href={`#claim-${side.number}`}>{claimLabel(side.number)}</a>{" "}
                      <bdi dir="auto">“{side.quote}”</bdi>
                    </p>
                    <footer>
                      {speakerLine(side.speaker)} · <strong>{side.verdictLabel}</strong>
                    </footer>
                  </blockquote>
                ))}
                {pair.note && <p className="contradiction-pair__note">{pair.note}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="report__section" aria-labelledby="report-claims">
        <h2 id="report-claims">Claims</h2>
        {claims.length === 0 ? (
          <p className="empty-state">No claims have been marked in this article.</p>
        ) : (
          <ol className="report-claims">
            {claims.map((claim) => (
              <ReportClaimItem key={claim.id} claim={claim} isHistoryShown={isHistoryShown} />
            ))}
          </ol>
        )}
      </section>

      <section className="report__section" aria-labelledby="report-article">
        <div className="field__heading">
          <h2 id="report-article">The article</h2>
          <button
            type="button"
            className="button"
            aria-expanded={isArticleShown}
            onClick={() => setIsArticleShown((shown) => !shown)}
          >
            {isArticleShown ? "Hide the article" : "Show the article with its claims"}
          </button>
        </div>
        {isArticleShown && <ReportArticle model={model} />}
      </section>
    </div>
  );
}

function ReportClaimItem({ claim, isHistoryShown }: { claim: ReportClaim; isHistoryShown: boolean }) {
  return (
    <li className={`report-claim report-claim--${claim.verdict}`} id={`claim-${claim.number}`}>
      <div className="report-claim__head">
        <span className="report-claim__number">{claimLabel(claim.number)}</span>
        <span className={`verdict-count verdict-count--${claim.verdict}`}>{claim.verdictLabel}</span>
        {claim.isOrphaned && <span className="report-claim__orphan">no longer in the text</span>}
        {claim.isAnchorUnconfirmed && <span className="report-claim__orphan">moved — check it</span>}
      </div>
      <blockquote className="report-claim__quote" dir="auto">
        “{claim.selectors.quote.exact}”
      </blockquote>
      <p className="article-meta">{speakerLine(claim.speaker)}</p>
      {claim.rationale.trim() && <RationaleView text={claim.rationale} />}
      {claim.links.length > 0 && (
        <ul className="report-claim__links">
          {claim.links.map((link) => (
            <li key={link.linkId}>
              {link.label} <a href={`#claim-${link.otherClaimNumber}`}>{claimLabel(link.otherClaimNumber)}</a>
              {link.note && ` — ${link.note}`}
            </li>
          ))}
        </ul>
      )}
      {claim.evidence.length > 0 && (
        <>
          <h3 className="report-claim__subheading">Evidence</h3>
          <ul className="report-claim__evidence">
            {claim.evidence.map((evidence) => (
              <li key={evidence.id}>
                <span className="stance">{evidence.stanceLabel}:</span>{" "}
                <a href={evidence.url} target="_blank" rel="noopener noreferrer">
                  {evidence.title ?? evidence.url}
                </a>
                {evidence.excerpt && <blockquote>{evidence.excerpt}</blockquote>}
              </li>
            ))}
          </ul>
        </>
      )}
      {isHistoryShown && claim.history.length > 0 && (
        <details className="report-claim__history">
          <summary>History ({claim.historyTotal})</summary>
          <ol>
            {claim.history.map((entry) => (
              <li key={`${entry.at}-${entry.action}-${entry.summary}`}>
                <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time> — {entry.by} {entry.summary}
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}

/** One paragraph of the article: its runs of text, each with the claims on it. */
type ArticleParagraph = { text: string; segment: ArticleSegment }[];

function ReportArticle({ model }: { model: ReportModel }) {
  const paragraphs = useMemo(() => {
    const result: ArticleParagraph[] = [[]];
    for (const segment of buildArticleSegments(model)) {
      segment.text.split("\n").forEach((line, index) => {
        if (index > 0) result.push([]);
        if (line.length > 0) result.at(-1)?.push({ text: line, segment });
      });
    }
    return result;
  }, [model]);
  return (
    <div className="report-article">
      {paragraphs.map((runs, paragraphIndex) => (
        // Each paragraph in its own direction: a Hebrew or Arabic one reads right to left.
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their place
        <p key={paragraphIndex} dir="auto">
          {runs.map((run, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity but their place
            <ArticleRun key={index} text={run.text} segment={run.segment} />
          ))}
        </p>
      ))}
    </div>
  );
}

/**
 * A run of the article text, drawn as the editor draws it: one underline layer per verdict on it (the most
 * severe nearest the text), a count where claims overlap, and a title naming every verdict.
 */
function ArticleRun({ text, segment }: { text: string; segment: ArticleSegment }) {
  const [nearest, ...further] = segment.verdicts;
  if (!nearest) return <span>{text}</span>;
  const count = segment.claimNumbers.length;
  const numbers = [...segment.claimNumbers].sort((a, b) => a - b);
  const title = `${describeVerdictOverlap(segment.verdicts, count)} (${numbers.map(claimLabel).join(", ")})`;
  const hasClasses = segment.verdicts.map((verdict) => ` claim-hl--has-${verdict}`).join("");
  let drawn: ReactNode = (
    <mark
      className={`claim-hl claim-underline claim-underline--${nearest} claim-underline--level-0${hasClasses}`}
      title={title}
      data-claim-count={isClaimCountShown(text, count) ? count : undefined}
    >
      {text}
    </mark>
  );
  further.forEach((verdict, index) => {
    drawn = (
      <span className={`claim-underline claim-underline--${verdict} claim-underline--level-${index + 1}`}>{drawn}</span>
    );
  });
  // Heard by screen readers, as the editor's label is (the title alone is rarely read out).
  return (
    <>
      <span className="visually-hidden" dir="ltr">
        {describeVerdictOverlap(segment.verdicts, count)}:{" "}
      </span>
      {drawn}
    </>
  );
}
