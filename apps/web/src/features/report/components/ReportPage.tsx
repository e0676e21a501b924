import type { ReportHistoryOption } from "@factmark/core";
import { useEffect, useState } from "react";
import { Link } from "wouter";
import { errorMessage } from "../../../lib/ApiError";
import { useReportModelQuery } from "../hooks/useReportModelQuery";
import { ExportBar } from "./ExportBar";
import { ReportView } from "./ReportView";

/** The fact-check report of one article: a preview that reads like the published piece, and its exports. */
export function ReportPage({ articleId }: { articleId: string }) {
  // The desk's working history is left out unless asked for, here as in every export.
  const [history, setHistory] = useState<ReportHistoryOption>("omit");
  const reportQuery = useReportModelQuery(articleId, history);
  const title = reportQuery.data?.header.title;
  useEffect(() => {
    document.title = title ? `Report: ${title} · Factmark` : "Report · Factmark";
  }, [title]);

  return (
    <div className="report-page">
      <div className="report-page__bar">
        <Link href={`/articles/${encodeURIComponent(articleId)}`} className="back-link">
          ← Back to the article
        </Link>
        <ExportBar articleId={articleId} history={history} onHistoryChange={setHistory} />
      </div>
      {reportQuery.isPending ? (
        <p className="loading">Building the report…</p>
      ) : reportQuery.isError ? (
        <div role="alert" className="page-message">
          <h1>Could not build the report</h1>
          <p>{errorMessage(reportQuery.error)}</p>
          <button type="button" className="button" onClick={() => reportQuery.refetch()}>
            Try again
          </button>
        </div>
      ) : (
        <ReportView model={reportQuery.data} isHistoryShown={history === "include"} />
      )}
    </div>
  );
}
