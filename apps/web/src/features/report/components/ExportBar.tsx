import { REPORT_FORMAT_DETAILS, REPORT_FORMATS } from "@factmark/core";
import { reportDownloadUrl } from "../api";

/** One download link per export format. */
export function ExportBar({ articleId }: { articleId: string }) {
  return (
    <nav className="export-bar" aria-label="Export the report">
      <span className="export-bar__label">Export</span>
      <ul>
        {REPORT_FORMATS.map((format) => (
          <li key={format}>
            <a
              className="button"
              href={reportDownloadUrl(articleId, format)}
              download
              title={REPORT_FORMAT_DETAILS[format].description}
            >
              {REPORT_FORMAT_DETAILS[format].label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
