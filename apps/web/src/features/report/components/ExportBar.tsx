import { REPORT_FORMAT_DETAILS, REPORT_FORMATS, type ReportHistoryOption } from "@factmark/core";
import { useId } from "react";
import { reportDownloadUrl } from "../api";
import "../report.css";

export interface ExportBarProps {
  articleId: string;
  /** Whether the exports carry the desk's working history ("include") or leave it out ("omit", the default). */
  history?: ReportHistoryOption;
  /** Shows the "Include working history" option when given. */
  onHistoryChange?: (history: ReportHistoryOption) => void;
}

/** One download link per export format, and the option to include the desk's working history in them. */
export function ExportBar({ articleId, history = "omit", onHistoryChange }: ExportBarProps) {
  const id = useId();
  return (
    <nav className="export-bar" aria-label="Export the report">
      <span className="export-bar__label">Export</span>
      <ul>
        {REPORT_FORMATS.map((format) => (
          <li key={format}>
            <a
              className="button"
              href={reportDownloadUrl(articleId, format, history)}
              download
              title={REPORT_FORMAT_DETAILS[format].description}
            >
              {REPORT_FORMAT_DETAILS[format].label}
            </a>
          </li>
        ))}
      </ul>
      {onHistoryChange && (
        <div className="export-bar__option">
          <input
            id={`${id}-history`}
            type="checkbox"
            checked={history === "include"}
            aria-describedby={`${id}-history-help`}
            onChange={(event) => onHistoryChange(event.target.checked ? "include" : "omit")}
          />
          <label htmlFor={`${id}-history`}>Include working history</label>
          <span className="field__help" id={`${id}-history-help`}>
            For the desk: who marked and changed what, and when. The public formats leave it out; the JSON export always
            keeps it.
          </span>
        </div>
      )}
    </nav>
  );
}
